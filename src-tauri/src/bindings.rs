//! The UI's TypeScript view of the IPC contract, generated from the Rust types.
//!
//! `ui/src/lib/bindings.ts` is one committed file: a declaration for every type that a command
//! takes or returns (found by walking the types named in the `commands!` list), a `Commands`
//! map from each command to its arguments and result, and the few constants the UI shares with
//! the core. A test regenerates it and fails when the committed file differs.

use std::collections::BTreeMap;

use ts_rs::{Config, TS, TypeVisitor};

/// Where the generated file lives, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/bindings.ts";

/// One command: its name, its arguments (in the order Rust declares them) and its result.
pub struct Signature {
    name: &'static str,
    args: Vec<(&'static str, TypeRef)>,
    result: TypeRef,
}

/// A Rust type seen from TypeScript: how to name it, and how to reach its declarations.
pub struct TypeRef {
    name: fn(&Config) -> String,
    collect: fn(&mut Collector),
}

impl TypeRef {
    fn of<T: TS + 'static>() -> TypeRef {
        TypeRef { name: T::name, collect: collect::<T> }
    }
}

impl Signature {
    pub fn new<R: TS + 'static>(name: &'static str, args: Vec<(&'static str, TypeRef)>) -> Signature {
        Signature { name, args, result: TypeRef::of::<R>() }
    }

    pub fn arg<T: TS + 'static>(name: &'static str) -> (&'static str, TypeRef) {
        (name, TypeRef::of::<T>())
    }

    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// Gathers the declaration of every exportable type reachable from the commands, once each.
pub struct Collector {
    cfg: Config,
    decls: BTreeMap<String, String>,
}

impl TypeVisitor for Collector {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Built-ins (string, number, Array, null) have no output path and need no declaration.
        if T::output_path().is_none() {
            return;
        }
        let ident = T::ident(&self.cfg);
        if self.decls.contains_key(&ident) {
            return;
        }
        let decl = format!("{}export {}", T::docs().unwrap_or_default(), T::decl(&self.cfg));
        self.decls.insert(ident, decl);
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

fn collect<T: TS + 'static>(c: &mut Collector) {
    c.visit::<T>();
    T::visit_dependencies(c);
    T::visit_generics(c);
}

/// Tauri passes command arguments from JavaScript in camelCase.
fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The whole bindings file.
pub fn typescript(signatures: &[Signature]) -> String {
    // i64 ids and counts fit a JS number (2^53) in practice; a bigint would not survive JSON.
    let cfg = Config::new().with_large_int("number");
    let mut collector = Collector { cfg, decls: BTreeMap::new() };
    // The error shape is part of the contract though no command returns it as a value.
    collect::<soleus::ErrorPayload>(&mut collector);
    // So is the training-load knowledge the charts draw (see `constants`).
    collect::<soleus::log::review::TrainingLoad>(&mut collector);
    for sig in signatures {
        (sig.result.collect)(&mut collector);
        for (_, arg) in &sig.args {
            (arg.collect)(&mut collector);
        }
    }
    let cfg = &collector.cfg;

    let mut out = String::from(
        "// Generated from the Rust types by `cargo test -p soleus-desktop`; do not edit.\n\
         // After changing a command or a type, regenerate with\n\
         //   UPDATE_BINDINGS=1 cargo test -p soleus-desktop bindings\n\n",
    );
    for decl in collector.decls.values() {
        out.push_str(decl);
        out.push_str("\n\n");
    }
    out.push_str("/** Every command the UI may call: its arguments (as `invoke` takes them) and its result. */\n");
    out.push_str("export type Commands = {\n");
    for sig in signatures {
        let args = if sig.args.is_empty() {
            "Record<string, never>".to_string()
        } else {
            let fields: Vec<String> =
                sig.args.iter().map(|(name, ty)| format!("{}: {}", camel_case(name), (ty.name)(cfg))).collect();
            format!("{{ {} }}", fields.join("; "))
        };
        out.push_str(&format!("  {}: {{ args: {}; result: {} }};\n", sig.name, args, (sig.result.name)(cfg)));
    }
    out.push_str("};\n\n");
    for (name, value) in constants() {
        out.push_str(&format!("export const {name} = {value};\n"));
    }
    // The weekly loop's thresholds and words (knowledge/training_load.toml, thresholds written
    // into the words): the log's charts draw the return line from here, never from a copy.
    let training_load = serde_json::to_string(soleus::log::review::knowledge()).expect("knowledge serializes");
    out.push_str(&format!("export const TRAINING_LOAD: TrainingLoad = {training_load};\n"));
    out
}

/// Values the UI must agree on with the core, so that they are written in one place.
fn constants() -> Vec<(&'static str, String)> {
    let json = |s: &str| serde_json::to_string(s).expect("a string serializes");
    vec![
        ("MAX_PROFILE_NAME_CHARS", soleus::profiles::MAX_NAME_CHARS.to_string()),
        ("DISCLAIMER", json(soleus::engine::DISCLAIMER)),
        ("MAX_CHECK_NOTES_CHARS", soleus::log::assessments::NOTES_MAX.to_string()),
        ("RUN_SCORE_SCALE", json(&soleus::log::review::pain_monitoring::scale_hint())),
        // The log's forms check these beside the field; the core refuses beyond them.
        ("MAX_NOTES_CHARS", soleus::log::entries::MAX_NOTES_CHARS.to_string()),
        ("MAX_MOMENT_CHARS", soleus::log::entries::MAX_MOMENT_CHARS.to_string()),
        ("MAX_CLINIC_NAME_CHARS", soleus::settings::CLINIC_NAME_MAX.to_string()),
        ("MAX_RUN_DISTANCE_M", soleus::log::sessions::MAX_DISTANCE_M.to_string()),
        ("MAX_RUN_DURATION_S", soleus::log::sessions::MAX_DURATION_S.to_string()),
        ("MAX_RUN_CLIMB_M", soleus::log::sessions::MAX_ELEVATION_M.to_string()),
        // The return-to-run test form's bounds: the core refuses beyond them (`return_to_run::records`).
        // The pain scale's top, for every pain field (`log::entries::MAX_SCORE`).
        ("MAX_PAIN_SCORE", soleus::log::entries::MAX_SCORE.to_string()),
        ("MAX_CALF_RAISES", soleus::return_to_run::records::MAX_CALF_RAISES.to_string()),
        ("MAX_KNEE_TO_WALL_CM", soleus::return_to_run::records::MAX_KNEE_TO_WALL_CM.to_string()),
        // Under a rehab phase whose exercises a still-open cause has all left out
        // (knowledge/plans/common.toml).
        ("PHASE_WAITS", json(&soleus::plans::knowledge::common().says.phase_waits)),
        // A backup is read whole; the core refuses a larger file (`export::backup`).
        ("MAX_BACKUP_BYTES", soleus::import::MAX_FILE_BYTES.to_string()),
        // How a triage level is said, by triage id, in the core's words (`TriageWords`): what to
        // do about a warning sign, a short badge, the headline of a result.
        ("TRIAGE_ACT", by_triage(|t| t.words().act.as_str())),
        ("TRIAGE_BADGE", by_triage(|t| t.words().badge.as_str())),
        ("TRIAGE_HEADLINE", by_triage(|t| t.words().headline.as_str())),
    ]
}

/// `{ "self_care": ..., "clinician": ..., ... }`: a word per triage id, typed by `Triage`.
fn by_triage(words: fn(soleus::engine::Triage) -> &'static str) -> String {
    let map: serde_json::Map<String, serde_json::Value> =
        soleus::engine::Triage::ALL.iter().map(|t| (t.id().to_string(), words(*t).into())).collect();
    format!("{} as const satisfies Record<Triage, string>", serde_json::Value::Object(map))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn bindings_are_up_to_date() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
        let fresh = typescript(&crate::commands::signatures());
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).expect("write bindings.ts");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p soleus-desktop bindings` and commit it",
            path.display()
        );
    }

    #[test]
    fn every_command_and_type_is_in_the_bindings() {
        let ts = typescript(&crate::commands::signatures());
        for sig in crate::commands::signatures() {
            assert!(ts.contains(&format!("  {}: {{ args:", sig.name())), "{} missing", sig.name());
        }
        for decl in ["export type Profile", "export type Settings", "export type Theme", "export type ErrorPayload"] {
            assert!(ts.contains(decl), "{decl} missing from:\n{ts}");
        }
        assert!(ts.contains("rename_profile: { args: { id: number; name: string }; result: Profile }"), "{ts}");
        assert!(ts.contains("get_active_profile: { args: Record<string, never>; result: Profile | null }"), "{ts}");
    }

    #[test]
    fn arguments_are_named_as_javascript_passes_them() {
        assert_eq!(camel_case("profile_id"), "profileId");
        assert_eq!(camel_case("name"), "name");
    }
}
