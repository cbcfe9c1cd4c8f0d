#!/usr/bin/env bash
# The issue's speed target, counted in instructions (callgrind) rather than wall time, so that the
# figure does not move with the machine's load: assessing a case must cost at most twice parsing
# and validating it. Prints instructions per case for each, and the ratio. Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release --example assess_instructions
bin=target/release/examples/assess_instructions
count() { # instructions of `bin $1 $2`
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
rounds=200 cases=$(grep -c . tests/data/public_cases.jsonl)
for what in validate assess; do
  per=$(( ($(count "$what" "$rounds") - $(count "$what" 0)) / (rounds * cases) ))
  echo "$what: $per instructions per case"
  eval "$what=$per"
done
awk -v a="$assess" -v v="$validate" 'BEGIN { printf "assess / validate = %.2fx (target: at most 2x)\n", a / v }'
