#!/usr/bin/env python3
"""`make bench`: every figure of issue 14 in one run on this machine, each beside its floor.

The app (target/release/soleus-desktop) against a bare Tauri 2 window with the same version and
release profile (bench/bare-window); the engine's `assess` against `validate`; the store's import
against raw SQLite inserts; the sizes of what ships. Medians over interleaved runs (app, floor,
app, floor...) so that the machine's load changes hit both sides alike, with the spread (min-max).

Everything the windows need runs here: one Xvfb (software rendering: Mesa's llvmpipe), the
binaries, tauri-driver for the tab and click figures. Standard library only. `make bench` builds
the binaries first; run this alone with `python3 bench/run.py [--runs N]`.
"""

import argparse
import gzip
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The release builds `make bench` makes; SOLEUS_BENCH_PROFILE=debug measures the debug ones (to
# try the harness; their figures are not the product's).
PROFILE = os.environ.get("SOLEUS_BENCH_PROFILE", "release")
# SOLEUS_BENCH_APP measures another build of the app against the same floor (an earlier
# commit's, to compare before and after on the same machine).
APP = Path(os.environ.get("SOLEUS_BENCH_APP") or ROOT / f"target/{PROFILE}/soleus-desktop").resolve()
CLI = ROOT / f"target/{PROFILE}/soleus"
STORE_FLOOR = ROOT / f"target/{PROFILE}/examples/store_floor"
BARE = ROOT / f"target/bare-window/{PROFILE}/bare-window"
BARE_PAGE = ROOT / "bench/bare-window/dist"
# Profiles, caches and generated inputs; SOLEUS_BENCH_WORK gives a run its own (two at once).
WORK = Path(os.environ.get("SOLEUS_BENCH_WORK") or ROOT / "target/bench").resolve()
READY_TIMEOUT = 60
# What "the first screen settles" means for memory: this long after the ready signal.
SETTLE_S = 2.0
TABS = ["plan", "exercises", "log", "check"]


# ---------------------------------------------------------------- figures and the report

def median(xs):
    return statistics.median(xs)


class Report:
    """Rows of `figure | app | floor | ratio | target`, printed as one table per section."""

    def __init__(self):
        self.rows = []

    def section(self, title):
        self.rows.append(("section", title))
        print(f"  ... {title}", file=sys.stderr, flush=True)

    def note(self, text):
        self.rows.append(("note", text))

    def row(self, name, app, floor=None, unit="ms", target=None, fmt="{:.0f}"):
        """`app` and `floor` are lists of samples (or a single number, for sizes)."""
        self.rows.append(("row", name, app, floor, unit, target, fmt))

    def print(self):
        for r in self.rows:
            if r[0] == "section":
                print(f"\n## {r[1]}")
                print(f"{'figure':<46} {'app (median, min-max)':>28} {'floor (median, min-max)':>28} {'ratio':>7}  target")
            elif r[0] == "note":
                print(f"   {r[1]}")
            else:
                _, name, app, floor, unit, target, fmt = r
                a, f = describe(app, unit, fmt), describe(floor, unit, fmt)
                ratio = ""
                am, fm = central(app), central(floor)
                if am is not None and fm:
                    ratio = f"{am / fm:.2f}x"
                # A number is a target for the ratio; (limit, text) one for the figure itself.
                mark = ""
                if isinstance(target, tuple):
                    mark = ("ok " if am <= target[0] else "OVER ") + target[1]
                elif target is not None and ratio:
                    mark = ("ok " if am / fm <= target else "OVER ") + f"<= {target}x"
                print(f"{name:<46} {a:>28} {f:>28} {ratio:>7}  {mark}")


def central(v):
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    return median(v) if v else None


def describe(v, unit, fmt):
    if v is None:
        return "-"
    if isinstance(v, (int, float)):
        return f"{fmt.format(v)} {unit}"
    if not v:
        return "no sample"
    return f"{fmt.format(median(v))} {unit} ({fmt.format(min(v))}-{fmt.format(max(v))}, n={len(v)})"


# ---------------------------------------------------------------- the machine

def machine():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    versions = {}
    for pkg in ["libwebkit2gtk-4.1-0", "libgl1-mesa-dri", "xvfb"]:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
        versions[pkg] = out.stdout.strip() or "not installed"
    load = os.getloadavg()
    return (
        f"machine: {os.cpu_count()} cores, {cpu}, {mem_kb / 1024 / 1024:.1f} GiB memory, "
        f"Linux {platform.release()}; load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}\n"
        f"WebKitGTK {versions['libwebkit2gtk-4.1-0']}, Mesa {versions['libgl1-mesa-dri']} (llvmpipe: software rendering), "
        f"Xvfb {versions['xvfb']}"
    )


# ---------------------------------------------------------------- processes and memory

def children_map():
    kids = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(d.name))
    return kids


def tree(pid):
    kids, out, todo = children_map(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def memory(pid):
    """RSS and PSS in MiB summed over `pid` and its descendants, and PSS by process name."""
    rss = pss = 0
    by_name = {}
    for p in tree(pid):
        try:
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
            # The window's own process is named after its binary; WebKit's helpers by their role.
            name = "window process" if p == pid else Path(f"/proc/{p}/comm").read_text().strip()
        except OSError:
            continue
        r = int(re.search(r"^Rss:\s+(\d+)", rollup, re.M).group(1))
        s = int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))
        rss += r
        pss += s
        by_name[name] = by_name.get(name, 0) + s / 1024
    return rss / 1024, pss / 1024, by_name


def stop_group(proc):
    """Stops a process started in its own session, with everything it started (WebKit's)."""
    for sig, wait in [(signal.SIGTERM, 5), (signal.SIGKILL, 5)]:
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    try:  # WebKit's children may outlive the app for a moment
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Xvfb:
    def __enter__(self):
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        self.display = ":" + self.proc.stdout.readline().decode().strip()
        return self

    def __exit__(self, *exc):
        stop_group(self.proc)


# ---------------------------------------------------------------- the windows

class Profile:
    """A HOME, data, config and cache folder for one launch of a window."""

    def __init__(self, name, cache):
        self.root = WORK / "profiles" / name
        shutil.rmtree(self.root, ignore_errors=True)
        (self.root / "home/.config").mkdir(parents=True)
        self.cache = cache

    def env(self, display):
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", SOLEUS_READY)}
        env.update(
            DISPLAY=display,
            HOME=str(self.root / "home"),
            XDG_DATA_HOME=str(self.root / "data"),
            XDG_CONFIG_HOME=str(self.root / "home/.config"),
            XDG_CACHE_HOME=str(self.cache),
            LIBGL_ALWAYS_SOFTWARE="1",
        )
        return env

    def db(self):
        return self.root / "data/org.soleus.app/soleus.db"


SOLEUS_READY = "SOLEUS_READY_FILE"


def cli(profile, args, stdin=""):
    # Setting up a profile is not timed: any build of the CLI will do.
    soleus = CLI if CLI.exists() else ROOT / "target/debug/soleus"
    db = profile.db()
    db.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(soleus), "--db", str(db), *args], input=stdin, text=True, check=True, capture_output=True)


def with_a_person(profile):
    """An existing profile as a runner would have it: one person, a saved check, eight weeks of
    pain scores (so Plan shows a plan and Log draws its charts)."""
    cli(profile, ["profile", "add", "Bench"])
    cli(profile, ["profile", "use", "Bench"])
    first = json.loads((ROOT / "tests/data/public_cases.jsonl").read_text().splitlines()[0])
    cli(profile, ["--profile", "Bench", "log", "save-assessment"], json.dumps({"findings": first["findings"]}))
    day = time.time() - 56 * 86400
    csv = ["recorded_at,score,moment,side,notes"]
    for i in range(56):
        t = time.strftime("%Y-%m-%dT07:30:00+00:00", time.gmtime(day + i * 86400))
        csv.append(f"{t},{(i * 7) % 6 + 1},1 h after run,left,")
    path = profile.root / "pain.csv"
    path.write_text("\n".join(csv) + "\n")
    cli(profile, ["--profile", "Bench", "log", "import", str(path)])
    return profile


def launch(binary, profile, display, settle=None):
    """Starts `binary` and waits for its ready line. Returns (ms it reported, memory or None)."""
    ready = profile.root / "ready"
    ready.unlink(missing_ok=True)
    env = profile.env(display)
    env[SOLEUS_READY] = str(ready)
    proc = subprocess.Popen([str(binary)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            text = ready.read_text() if ready.exists() else ""
            if text.endswith("\n"):
                break
            if proc.poll() is not None:
                raise RuntimeError(f"{binary.name} exited with {proc.returncode} before its first screen")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{binary.name} gave no ready signal in {READY_TIMEOUT} s")
            time.sleep(0.005)
        ms = int(text.split()[0])
        mem = None
        if settle:
            time.sleep(settle)
            mem = memory(proc.pid)
        return ms, mem
    finally:
        stop_group(proc)


def launch_retrying(*args, **kw):
    # Xvfb now and then refuses a client that starts while another is closing: one more try.
    try:
        return launch(*args, **kw)
    except RuntimeError as e:
        print(f"  (retrying once: {e})", file=sys.stderr)
        return launch(*args, **kw)


# ---------------------------------------------------------------- WebDriver (tauri-driver)

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tauri_driver():
    found = shutil.which("tauri-driver")
    if found:
        return found
    return str(Path.home() / ".cargo/bin/tauri-driver")


class Driven:
    """A window driven over WebDriver: tauri-driver -> WebKitWebDriver -> the binary."""

    def __init__(self, binary, profile, display):
        self.binary = binary
        self.session = None
        port, native = free_port(), free_port()
        self.driver = subprocess.Popen(
            [tauri_driver(), "--port", str(port), "--native-port", str(native)],
            env=profile.env(display), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError("tauri-driver did not listen")
                time.sleep(0.05)
        caps = {"capabilities": {"alwaysMatch": {"tauri:options": {"application": str(binary)}}}}
        # WebKitWebDriver now and then drops a session's first request while it is starting (as
        # tests/e2e says): try three times.
        for attempt in range(3):
            try:
                self.session = self.post("/session", caps)["sessionId"]
                break
            except OSError as e:
                if attempt == 2 or self.driver.poll() is not None:
                    self.close()
                    raise RuntimeError(f"no WebDriver session with {binary.name}: {e}")
                time.sleep(1)
        try:
            self.post(f"/session/{self.session}/timeouts", {"script": 60000})
        except OSError:
            self.close()
            raise

    def post(self, path, body):
        req = urllib.request.Request(self.url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=90) as r:
            return json.loads(r.read())["value"]

    def js(self, script, args=()):
        return self.post(f"/session/{self.session}/execute/sync", {"script": script, "args": list(args)})

    def send_keys(self, css, text):
        """Types `text` into the element: for a file input, chooses that file (as the e2e tests do)."""
        el = self.post(f"/session/{self.session}/element", {"using": "css selector", "value": css})
        eid = next(iter(el.values()))
        self.post(f"/session/{self.session}/element/{eid}/value", {"text": text})

    def wait_for(self, css, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.js("return !!document.querySelector(arguments[0])", [css]):
                return
            time.sleep(0.05)
        raise RuntimeError(f"{self.binary.name} never showed {css}")

    def click_until(self, click_css, ready_js):
        """Clicks `click_css` in the page and times, in the page's clock, until `ready_js` (an
        expression) holds and the frame after it is painted. Returns milliseconds."""
        script = """
            const done = arguments[arguments.length - 1];
            const ready = () => (READY);
            const target = document.querySelector(arguments[0]);
            if (!target) return done({ error: 'nothing matches ' + arguments[0] });
            let timer;
            const watch = new MutationObserver(() => check());
            const check = () => {
              if (!ready()) return;
              watch.disconnect();
              clearTimeout(timer);
              requestAnimationFrame(() => requestAnimationFrame(() => done({ ms: performance.now() - t0 })));
            };
            watch.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
            timer = setTimeout(() => { watch.disconnect(); done({ error: 'not ready after 20 s' }); }, 20000);
            const t0 = performance.now();
            target.click();
            check();
        """.replace("READY", ready_js)
        out = self.post(f"/session/{self.session}/execute/async", {"script": script, "args": [click_css]})
        if "error" in out:
            raise RuntimeError(f"{click_css}: {out['error']}")
        return out["ms"]

    def app_pid(self):
        for p in tree(self.driver.pid):
            try:
                if Path(f"/proc/{p}/exe").resolve() == self.binary.resolve():
                    return p
            except OSError:
                continue
        raise RuntimeError(f"no {self.binary.name} process under tauri-driver")

    def close(self):
        try:
            if self.session:
                urllib.request.urlopen(urllib.request.Request(f"{self.url}/session/{self.session}", method="DELETE"), timeout=10)
        except Exception:
            pass
        stop_group(self.driver)


def screen_ready(tab, marker):
    return (
        f"(() => {{ const s = document.querySelector('[data-testid=screen-{tab}]');"
        f" return !!s && !/Loading/.test(s.textContent) && !!s.querySelector('{marker}'); }})()"
    )


# What shows that a tab's content is on screen (not its "Loading…" line).
TAB_MARKERS = {
    "check": "[data-testid=start-runner]",
    "plan": "[data-testid=plan-tweak]",
    "exercises": "[data-testid=exercise-list]",
    "log": "[data-testid=log-charts-column] canvas",
}


# The run file of issue 15's figure: just under the window's 20 MB limit, as a watch writes it
# (a point a second with elevation and heart rate, Garmin's extension), within the core's limits.
IMPORT_BYTES = 20_000_000


def big_gpx(path, size=IMPORT_BYTES):
    """A GPX of `size` bytes at most: one run, a point a second, starting a week ago."""
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Soleus bench" '
            'xmlns="http://www.topografix.com/GPX/1/1" '
            'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
            '<trk><name>A very long run</name><type>running</type><trkseg>\n')
    tail = '</trkseg></trk>\n</gpx>\n'
    start = int(time.time()) - 7 * 86400
    start -= start % 86400
    written = len(head) + len(tail)
    with open(path, "w") as f:
        f.write(head)
        i = 0
        while True:
            t = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + 6 * 3600 + i))
            lat, lon = 51.5 + (i % 20000) * 2.5e-5, -0.1 + (i // 20000) * 1e-3
            pt = (f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{10 + (i % 300) / 10:.1f}</ele><time>{t}</time>'
                  f'<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{130 + i % 30}</gpxtpx:hr>'
                  f'</gpxtpx:TrackPointExtension></extensions></trkpt>\n')
            if written + len(pt) > size:
                break
            f.write(pt)
            written += len(pt)
            i += 1
        f.write(tail)
    return i


# In the page: from the file input's change (the person's choice) to the import's message on
# screen, and the longest the page's main thread did not answer meanwhile (a 10 ms timer's
# longest gap: a click made then would have waited that long).
IMPORT_PROBE = """
    window.__import = { t0: null, gap: 0, ms: null, result: null };
    document.addEventListener('change', (e) => {
      if (!e.target.matches('[data-testid=import-input]')) return;
      const w = window.__import;
      w.t0 = performance.now();
      let last = w.t0;
      const tick = () => {
        const now = performance.now();
        w.gap = Math.max(w.gap, now - last);
        last = now;
        const end = document.querySelector('[data-testid=import-message], [data-testid=import-error]');
        if (end) { w.ms = now - w.t0; w.result = end.textContent; return; }
        setTimeout(tick, 10);
      };
      setTimeout(tick, 10);
    }, true);
"""


def import_big_file(d, figures):
    """Chooses the 20 MB GPX on the Log tab's run form, as a person does, and waits for its result."""
    gpx = WORK / "run-20mb.gpx"
    if not gpx.exists() or gpx.stat().st_size > IMPORT_BYTES:
        big_gpx(gpx)
    d.click_until("[data-testid=tab-log]", screen_ready("log", TAB_MARKERS["log"]))
    d.js("document.querySelector('[data-testid=log-run-tab]').click()")
    d.wait_for("[data-testid=import-input]")
    d.js(IMPORT_PROBE)
    d.send_keys("[data-testid=import-input]", str(gpx))
    deadline = time.monotonic() + 120
    while True:
        w = d.js("return window.__import")
        if w["ms"] is not None:
            break
        if time.monotonic() > deadline:
            raise RuntimeError("the 20 MB import gave no result in 120 s")
        time.sleep(0.1)
    if "added" not in w["result"]:
        raise RuntimeError(f"the 20 MB import: {w['result']}")
    figures.setdefault("import: to its result", []).append(w["ms"])
    figures.setdefault("import: longest without answering", []).append(w["gap"])


def drive_app(display, cache, figures, answers=6, big_import=True):
    profile = with_a_person(Profile("driven-app", cache))
    d = Driven(APP, profile, display)
    try:
        d.wait_for(TAB_MARKERS["check"])
        # Where the page's part of start-up goes: its own marks (main.ts, lib/start.ts,
        # lib/ready.ts), in ms since the page's navigation began.
        time.sleep(0.5)
        marks = d.js("const n = performance.getEntriesByType('navigation')[0];"
                     "return Object.fromEntries([['page parsed', n ? n.domInteractive : null],"
                     " ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('soleus:')).map((m) => [m.name.slice(7), m.startTime])])")
        for name, ms in marks.items():
            if ms is not None:
                figures.setdefault("marks", {}).setdefault(name, []).append(ms)
        for tab in TABS:
            figures.setdefault(f"first visit: {tab}", []).append(d.click_until(f"[data-testid=tab-{tab}]", screen_ready(tab, TAB_MARKERS[tab])))
        for tab in TABS:
            figures.setdefault(f"revisit: {tab}", []).append(d.click_until(f"[data-testid=tab-{tab}]", screen_ready(tab, TAB_MARKERS[tab])))
        time.sleep(SETTLE_S)
        figures.setdefault("memory after the four tabs", []).append(memory(d.app_pid()))
        # The Check: start, then "Not sure" to each question, timed to the next one on screen.
        d.js("document.querySelector('[data-testid=start-runner]').click()")
        d.wait_for("[data-testid=question]")
        try:
            for _ in range(answers):
                key = d.js("const q = document.querySelector('[data-testid=question]'); return q ? q.dataset.key : null")
                if key is None:
                    break
                nxt = f"(() => {{ const q = document.querySelector('[data-testid=question]'); return (!!q && q.dataset.key !== '{key}') || !!document.querySelector('[data-testid=enough]'); }})()"
                figures.setdefault("click to the next question", []).append(d.click_until("[data-testid=question] [data-testid=not-sure]", nxt))
        except (OSError, RuntimeError) as e:
            figures.setdefault("problems", []).append(f"answering questions: {e!r}")
        if big_import:
            try:
                import_big_file(d, figures)
            except (OSError, RuntimeError) as e:
                figures.setdefault("problems", []).append(f"importing the 20 MB file: {e!r}")
    finally:
        d.close()


def drive_bare(display, cache, figures, clicks=6):
    d = Driven(BARE, Profile("driven-bare", cache), display)
    try:
        d.wait_for("#probe")
        for _ in range(clicks):
            n = int(d.js("return document.getElementById('clicks').textContent"))
            figures.setdefault("click", []).append(
                d.click_until("#probe", f"document.getElementById('clicks').textContent === '{n + 1}'"))
        time.sleep(SETTLE_S)
        figures.setdefault("memory idle", []).append(memory(d.app_pid()))
    finally:
        d.close()


# ---------------------------------------------------------------- sections

def cache_state(cache):
    files = [p for p in cache.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    return f"{len(files)} files, {size / 1024:.0f} KiB"


def startup_and_memory(report, runs, display):
    warm = WORK / "cache-warm"
    shutil.rmtree(warm, ignore_errors=True)
    warm.mkdir(parents=True)
    # Fill the shared cache (Mesa's compiled shaders) with two untimed launches of each.
    for binary in (APP, BARE):
        for _ in range(2):
            launch_retrying(binary, Profile("warm-up", warm), display)
    t = {}
    mem = {"app": [], "bare": []}
    for i in range(runs):
        for who, binary in (("app", APP), ("bare", BARE)):
            # First launch: nothing in the data folder.
            ms, _ = launch_retrying(binary, Profile(f"first-{who}", warm), display)
            t.setdefault(("first", who), []).append(ms)
            # Existing profile: a person with a saved check and a log (the bare window: its
            # second launch on the same folders).
            p = Profile(f"existing-{who}", warm)
            if who == "app":
                with_a_person(p)
            else:
                launch_retrying(binary, p, display)
            ms, m = launch_retrying(binary, p, display, settle=SETTLE_S)
            t.setdefault(("existing", who), []).append(ms)
            mem[who].append(m)
            # Empty shader cache: the existing profile again, with a new cache folder.
            empty = WORK / f"cache-empty-{who}"
            shutil.rmtree(empty, ignore_errors=True)
            p.cache = empty
            ms, _ = launch_retrying(binary, p, display)
            t.setdefault(("empty-cache", who), []).append(ms)
        print(f"  ... start-up run {i + 1}/{runs}", file=sys.stderr, flush=True)

    report.section("Cold start to the first interactive screen (ms since process start, reported by the page via ui_ready)")
    report.note(f"Xvfb 1280x900, software rendering; {runs} interleaved runs of each (app, bare, app, bare...).")
    report.note(f"Shader cache warm: a shared XDG_CACHE_HOME filled by two untimed launches of each ({cache_state(warm)}); "
                "the last row starts each launch on an empty one.")
    report.row("first launch (empty data folder)", t[("first", "app")], t[("first", "bare")], target=1.15)
    report.row("existing profile (Check screen)", t[("existing", "app")], t[("existing", "bare")], target=1.15)
    report.row("existing profile, empty shader cache", t[("empty-cache", "app")], t[("empty-cache", "bare")])

    report.section(f"Memory at the first screen ({SETTLE_S:.0f} s after ui_ready; the window and its WebKit processes, smaps_rollup)")
    report.row("RSS, existing profile", [m[0] for m in mem["app"]], [m[0] for m in mem["bare"]], unit="MiB", target=1.15)
    report.row("PSS, existing profile", [m[1] for m in mem["app"]], [m[1] for m in mem["bare"]], unit="MiB", target=1.15)
    for name in sorted(set(mem["app"][0][2]) | set(mem["bare"][0][2])):
        report.row(f"  PSS of {name}", [m[2].get(name, 0.0) for m in mem["app"]], [m[2].get(name, 0.0) for m in mem["bare"]], unit="MiB")


def tabs_and_clicks(report, runs, display):
    cache = WORK / "cache-warm"
    app, bare = {}, {}
    def once_more(drive, figures):
        # WebKitWebDriver now and then closes a session's connection early on: a new session.
        try:
            drive(display, cache, figures)
        except OSError as e:
            print(f"  (a new session after: {e!r})", file=sys.stderr)
            drive(display, cache, figures)

    for i in range(runs):
        once_more(drive_app, app)
        once_more(drive_bare, bare)
        print(f"  ... WebDriver session {i + 1}/{runs}", file=sys.stderr, flush=True)
    click = bare["click"]
    report.section("Screens after a click (ms in the page: element.click() to the frame after the content is painted)")
    report.note(f"Driven over WebDriver (tauri-driver, WebKitWebDriver), {runs} sessions of each; a person with a saved check and 8 weeks of scores.")
    report.note("Floor: a click in the bare window that changes one line of text.")
    for tab in TABS:
        report.row(f"first visit: {tab}", app[f"first visit: {tab}"], click, target=3)
    for tab in TABS:
        report.row(f"revisit: {tab}", app[f"revisit: {tab}"], click, target=1.5)
    report.row("click to the next question on screen", app.get("click to the next question", []), click, target=1.5)
    if app.get("import: to its result"):
        report.note(f"Issue 15: a {IMPORT_BYTES / 1e6:.0f} MB GPX (a point a second with heart rate) chosen on the Log tab's run form; "
                    "in the page, from the input's change to the import's message, and the longest gap of a 10 ms timer meanwhile.")
        report.row("20 MB GPX: choosing it to its result", app["import: to its result"], None)
        report.row("20 MB GPX: longest the window did not answer", app["import: longest without answering"], click, target=3)
    for problem in app.get("problems", []):
        report.note(f"problem: {problem}")

    if app.get("marks"):
        report.note("The page's start-up under WebDriver, ms since its navigation began (medians): " + ", ".join(
            f"{name} {median(v):.0f}" for name, v in sorted(app["marks"].items(), key=lambda kv: median(kv[1]))))
    report.section(f"Memory after visiting the four tabs ({SETTLE_S:.0f} s after; floor: the bare window idle, also under WebDriver)")
    am, bm = app["memory after the four tabs"], bare["memory idle"]
    report.row("RSS", [m[0] for m in am], [m[0] for m in bm], unit="MiB", target=1.15)
    report.row("PSS", [m[1] for m in am], [m[1] for m in bm], unit="MiB", target=1.15)
    for name in sorted(set(am[0][2]) | set(bm[0][2])):
        report.row(f"  PSS of {name}", [m[2].get(name, 0.0) for m in am], [m[2].get(name, 0.0) for m in bm], unit="MiB")


def engine_cases(path, n=20_000, seed=14):
    """`n` cases made reproducibly from the public cases: each a public case's findings, with a
    seeded choice of them left unanswered (as a person skips questions)."""
    public = [json.loads(l)["findings"] for l in (ROOT / "tests/data/public_cases.jsonl").read_text().splitlines() if l.strip()]
    rng = random.Random(seed)
    with open(path, "w") as f:
        for i in range(n):
            findings = dict(public[i % len(public)])
            keys = sorted(findings)
            for k in rng.sample(keys, rng.randrange(0, max(1, len(keys) // 3))):
                findings.pop(k)
            f.write(json.dumps({"findings": findings}) + "\n")


def timed(cmd, stdin_path):
    with open(stdin_path) as stdin:
        t0 = time.perf_counter()
        subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=True)
        return (time.perf_counter() - t0) * 1000


def engine(report, runs):
    cases = WORK / "cases-20000.jsonl"
    engine_cases(cases)
    a, v = [], []
    for _ in range(runs):
        a.append(timed([str(CLI), "assess", "--batch"], cases))
        v.append(timed([str(CLI), "validate", "--batch"], cases))
    report.section("The engine (the soleus CLI, release build, output to /dev/null)")
    report.note("20,000 cases: the 24 public cases' findings, a seeded third of them at most left unanswered (seed 14).")
    report.row("assess --batch vs validate --batch", a, v, target=2)


def store(report, runs):
    d = WORK / "store"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    subprocess.run([str(STORE_FLOOR), "csv", str(d)], check=True)

    def one(mode):
        out = subprocess.run([str(STORE_FLOOR), mode, str(d)], check=True, capture_output=True, text=True).stdout.split()
        return float(out[0]) * 1000, float(out[1]) * 1000

    imp, raw, read = [], [], []
    for _ in range(runs):
        imp.append(one("import"))
        raw.append(one("raw"))
        read.append(one("read"))
    report.section("The store (examples/store_floor.rs, release build, a database on disk)")
    report.note("100,000 pain scores from a CSV through the store (validation, one transaction per file) vs raw inserts of the same rows, already in memory, into one plain table.")
    report.note("On a loaded machine wall time waits for the CPU; CPU time (all threads) is the steadier figure.")
    report.row("import, wall time", [x[0] for x in imp], [x[0] for x in raw], target=2)
    report.row("import, CPU time", [x[1] for x in imp], [x[1] for x in raw], target=2)
    # Where the import's time goes: the rest is SQLite storing the rows under the schema's
    # constraints, index and foreign keys.
    report.row("  of which reading and checking the file, CPU", [x[1] for x in read], None)


def gz(path):
    return len(gzip.compress(Path(path).read_bytes(), 9))


def sizes(report):
    dist = ROOT / "ui/dist"
    js = sorted((dist / "assets").glob("*.js"))
    index = (dist / "index.html").read_text()
    # The start-up chunk: the entry script and what index.html preloads with it.
    start = [dist / p.lstrip("/") for p in re.findall(r'(?:src|href)="(/assets/[^"]+\.js)"', index)]
    bare_js = [p for p in BARE_PAGE.iterdir() if p.suffix in (".js", ".html")]
    kib = 1024
    report.section("Sizes (gzip -9 for JavaScript)")
    report.note("Floor for JavaScript: the bare window's page (its HTML and script).")
    report.row("UI JavaScript, all chunks", sum(gz(p) for p in js) / kib, sum(gz(p) for p in bare_js) / kib, unit="KiB", fmt="{:.1f}")
    report.row("UI start-up chunk (" + ", ".join(p.name for p in start) + ")", sum(gz(p) for p in start) / kib, None, unit="KiB", target=(40, "<= 40 KiB"), fmt="{:.1f}")
    report.row("release binary", APP.stat().st_size / kib / kib, BARE.stat().st_size / kib / kib, unit="MiB", target=(12, "<= 12 MiB"), fmt="{:.1f}")
    for kind in ("deb", "rpm"):
        found = sorted((ROOT / f"target/release/bundle/{kind}").glob(f"*.{kind}"))
        report.row(f".{kind}", found[-1].stat().st_size / kib / kib if found else None, None, unit="MiB", fmt="{:.1f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="interleaved runs of each start-up figure (default 7)")
    ap.add_argument("--sessions", type=int, default=5, help="WebDriver sessions of each window (default 5)")
    ap.add_argument("--only", choices=["window", "engine", "store", "sizes"], action="append",
                    help="measure only these sections (repeatable; default all)")
    args = ap.parse_args()
    want = lambda what: not args.only or what in args.only
    WORK.mkdir(parents=True, exist_ok=True)
    print(machine())
    print(f"builds: {PROFILE} (app {APP}, floor {BARE.relative_to(ROOT)})")
    t0 = time.monotonic()
    report = Report()

    def missing(*needs):
        gone = [str(n) for n in needs if not n.exists()]
        if gone:
            report.section("Not measured")
            report.note(f"{', '.join(gone)} missing: `make bench` builds it")
        return gone

    def attempt(what, *call):
        try:
            call[0](report, *call[1:])
        except Exception as e:  # a section that fails is reported, and the others still run
            report.section(f"FAILED: {what}")
            report.note(repr(e))

    if want("window") and not missing(APP, BARE):
        with Xvfb() as x:
            attempt("start-up and memory", startup_and_memory, args.runs, x.display)
            attempt("tabs and clicks", tabs_and_clicks, args.sessions, x.display)
    if want("engine") and not missing(CLI):
        attempt("engine", engine, args.runs)
    if want("store") and not missing(STORE_FLOOR):
        attempt("store", store, args.runs)
    if want("sizes") and not missing(APP, BARE):
        attempt("sizes", sizes)
    report.print()
    load = os.getloadavg()
    print(f"\n{time.monotonic() - t0:.0f} s; load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
