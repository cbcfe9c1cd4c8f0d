//! The exercise library as data: complete, consistent, and every illustration a valid SVG.

use std::collections::HashSet;

use soleus::exercises::{self, illustration, Phase};

fn vocabulary_conditions() -> HashSet<String> {
    let v: serde_json::Value = serde_json::from_str(include_str!("../knowledge/vocabulary.json")).unwrap();
    v["conditions"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_library_has_at_least_30_exercises_with_unique_ids() {
    let all = exercises::library();
    assert!(all.len() >= 30, "only {} exercises", all.len());
    let ids: HashSet<&str> = all.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "duplicate exercise ids");
}

#[test]
fn the_library_holds_what_the_issue_names() {
    // Seed 002's routine, seed 000's hip/trunk work, seed 003's phases, and the literature's
    // staples (isometrics, heavy slow resistance, bent-knee raises, graded running).
    for id in [
        "calf_ball_roll", "leg_swings", "ankle_rocks", "single_leg_hops", "pogo_4way", "reverse_lunge_knee_drive",
        "bulgarian_split_squat", "lateral_step_down", "bodyweight_squat", "glute_bridge", "front_plank", "side_plank",
        "towel_calf_stretch", "ankle_pumps", "seated_calf_raise", "eccentric_heel_drop", "eccentric_heel_drop_bent",
        "isometric_calf_hold", "heavy_slow_calf_raise", "bent_knee_calf_raise", "walk_jog_intervals", "run_build",
    ] {
        assert!(exercises::find(id).is_ok(), "missing {id}");
    }
    let phases: HashSet<Phase> = exercises::library().iter().map(|e| e.phase).collect();
    assert_eq!(phases.len(), 6, "every phase has at least one exercise");
}

#[test]
fn every_progression_and_regression_resolves_to_another_exercise() {
    for e in exercises::library() {
        for (kind, id) in [("progression", &e.progression), ("regression", &e.regression)] {
            if let Some(id) = id {
                assert_ne!(id, &e.id, "{} is its own {kind}", e.id);
                assert!(exercises::find(id).is_ok(), "{}: {kind} {id} does not exist", e.id);
            }
        }
    }
}

#[test]
fn every_exercise_is_complete() {
    let conditions = vocabulary_conditions();
    for e in exercises::library() {
        let id = &e.id;
        assert!(!e.name.is_empty() && !e.goal.is_empty() && !e.sources.is_empty(), "{id}: name, goal, sources");
        assert!(!e.muscles.is_empty(), "{id}: muscles");
        assert!(e.steps.len() >= 3, "{id}: at least 3 steps");
        assert!(!e.form_tips.is_empty(), "{id}: form tips");
        assert!(!e.conditions.is_empty(), "{id}: conditions");
        for c in &e.conditions {
            assert!(conditions.contains(c), "{id}: unknown condition {c}");
        }
        let p = &e.prescription;
        assert!(p.reps.is_some() || p.hold_seconds.is_some() || p.minutes.is_some(), "{id}: reps, hold or minutes");
        assert!(p.sets >= 1 && (1..=14).contains(&p.times_per_week), "{id}: sets and frequency");
    }
}

#[test]
fn the_prescription_reads_as_one_line() {
    let e = exercises::find("eccentric_heel_drop").unwrap();
    let s = e.prescription.summary();
    assert!(s.starts_with("3 sets x 15 reps each side, rest 60 s, 14x a week"), "{s}");
}

#[test]
fn an_unknown_id_is_a_named_error() {
    let err = exercises::find("moonwalk").unwrap_err();
    assert_eq!(err.code(), "unknown_exercise");
    assert!(err.to_string().contains("moonwalk"));
}

#[test]
fn each_illustration_is_drawn_once_and_kept() {
    for e in exercises::library() {
        let (first, again) = (e.svg(), e.svg());
        assert!(std::ptr::eq(first, again), "{}: drawn again on the second call", e.id);
        assert_eq!(first, exercises::illustration::render(e), "{}: the kept drawing is the drawing", e.id);
    }
}

#[test]
fn every_illustration_is_an_svg_themed_by_current_color() {
    for e in exercises::library() {
        let svg = e.svg();
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|err| panic!("{}: not XML: {err}", e.id));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg", "{}", e.id);
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"), "{}", e.id);
        // The canvas is fitted to the drawing, never larger than two 180-wide panels.
        let [_, _, w, h] = view_box(&root);
        assert!(w <= 400.0 && h <= 230.0, "{}: a {w} x {h} canvas", e.id);
        let size = root.attribute("viewBox").unwrap().split_whitespace().skip(2).collect::<Vec<_>>();
        assert_eq!([root.attribute("width").unwrap(), root.attribute("height").unwrap()], size[..], "{}: drawn at its canvas's size", e.id);
        let title = root.descendants().find(|n| n.has_tag_name("title")).and_then(|n| n.text());
        assert_eq!(title, Some(e.name.as_str()), "{}: the title names the exercise", e.id);
        // Two panels, each with a figure: a head and at least six limb lines.
        assert_eq!(root.descendants().filter(|n| n.attribute("class") == Some("head")).count(), 2, "{}", e.id);
        assert!(root.descendants().filter(|n| n.has_tag_name("polyline")).count() >= 12, "{}", e.id);
        // The theme decides the ink: no hard-coded black or white.
        assert!(svg.contains("currentColor"), "{}", e.id);
        for bad in ["#000", "black", "#fff", "white"] {
            assert!(!svg.to_lowercase().contains(bad), "{}: hard-coded {bad}", e.id);
        }
    }
}

#[test]
fn every_drawing_names_poses_points_and_segments_that_exist() {
    for e in exercises::library() {
        illustration::check(&e.illustration).unwrap_or_else(|err| panic!("{}: {err}", e.id));
        if let Some(labels) = &e.illustration.labels {
            for l in labels {
                assert!(l.chars().count() <= 20, "{}: label \"{l}\" is too long for a 180-wide panel", e.id);
            }
        }
    }
}

/// The viewBox of an SVG's root: x, y, width, height.
fn view_box(root: &roxmltree::Node) -> [f64; 4] {
    let v: Vec<f64> = root.attribute("viewBox").unwrap().split_whitespace().map(|n| n.parse().unwrap()).collect();
    v.try_into().unwrap()
}

/// Every point an illustration draws (lines, polylines, circles' and rects' corners), and its viewBox.
fn drawn_points(svg: &str) -> (Vec<(f64, f64)>, [f64; 4]) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let mut points: Vec<(f64, f64)> = Vec::new();
    for n in doc.descendants() {
        let num = |a: &str| n.attribute(a).and_then(|v| v.parse::<f64>().ok());
        match n.tag_name().name() {
            "line" => points.extend([(num("x1").unwrap(), num("y1").unwrap()), (num("x2").unwrap(), num("y2").unwrap())]),
            "polyline" => {
                for pair in n.attribute("points").unwrap().split_whitespace() {
                    let (x, y) = pair.split_once(',').unwrap();
                    points.push((x.parse().unwrap(), y.parse().unwrap()));
                }
            }
            "circle" => {
                let (cx, cy, r) = (num("cx").unwrap(), num("cy").unwrap(), num("r").unwrap());
                points.extend([(cx - r, cy - r), (cx + r, cy + r)]);
            }
            "rect" if n.parent().is_some_and(|p| p.tag_name().name() == "svg") => {
                let (x, y) = (num("x").unwrap(), num("y").unwrap());
                points.extend([(x, y), (x + num("width").unwrap(), y + num("height").unwrap())]);
            }
            _ => {}
        }
    }
    (points, view_box(&doc.root_element()))
}

#[test]
fn every_illustration_stays_inside_its_canvas() {
    for e in exercises::library() {
        let (points, [x0, y0, w, h]) = drawn_points(&e.svg());
        assert!(points.len() > 20, "{}", e.id);
        for (x, y) in points {
            assert!((x0..=x0 + w).contains(&x) && (y0..=y0 + h).contains(&y), "{}: ({x}, {y}) is outside the canvas", e.id);
        }
    }
}

#[test]
fn every_drawing_fills_most_of_its_canvas() {
    // No wide empty margins: what is drawn spans the canvas's width, and its height but for the
    // labels' line above (15), its gap (8), the margins (10) and half a stroke each way (7);
    // a figure lying down makes a low, wide canvas.
    for e in exercises::library() {
        let (points, [_, _, w, h]) = drawn_points(&e.svg());
        let span = |f: fn(&(f64, f64)) -> f64| {
            let v: Vec<f64> = points.iter().map(f).collect();
            v.iter().cloned().fold(f64::NEG_INFINITY, f64::max) - v.iter().cloned().fold(f64::INFINITY, f64::min)
        };
        let fw = span(|p| p.0) / w;
        assert!(fw >= 0.95, "{}: the drawing spans {:.0}% of the canvas's width", e.id, fw * 100.0);
        let room = h - span(|p| p.1);
        assert!(room <= 40.0, "{}: {room:.0} of the canvas's {h:.0} units of height are left empty", e.id);
    }
}

#[test]
fn the_library_names_its_phases_as_the_plans_do() {
    // A runner opens an exercise from a plan's phase ("Settle (weeks 0-2)"): the library must not
    // call the same stage something else. Every label but the warm-up (plans have none) is the
    // name of some plan's phase. (A plan may still use an early exercise in a later phase: a
    // meniscus plan keeps sit-to-stands in its strength phase; a bone stress plan keeps its own
    // "Protect", meaning no impact on the bone.)
    let names: Vec<String> = soleus::plans::knowledge::conditions()
        .values()
        .flat_map(|p| p.rehab.iter().map(|r| r.name.split(" (").next().unwrap().to_lowercase()))
        .collect();
    let labels: Vec<&str> = Phase::ALL.iter().map(|p| p.label()).collect();
    assert_eq!(labels, ["warm-up", "settle", "rebuild", "strength", "spring", "return to run"]);
    for label in &labels[1..] {
        assert!(names.iter().any(|n| n == label), "no plan has a phase called \"{label}\": {names:?}");
    }
}

/// Words that belong to the project, not to a reference a physio can look up.
const INTERNAL_WORDS: [&str; 7] = ["seed", "../", ".txt", "sources.toml", "model_design", "population default", "references.md"];

/// Every sentence of `v` a person reads, leaving out ids and the drawing's data.
fn readable(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| readable(x, out)),
        serde_json::Value::Object(o) => o
            .iter()
            .filter(|(k, _)| !["id", "conditions", "progression", "regression", "phase", "illustration"].contains(&k.as_str()))
            .for_each(|(_, x)| readable(x, out)),
        _ => {}
    }
}

#[test]
fn no_exercise_shows_a_seed_text_or_other_internal_label() {
    for e in exercises::library() {
        let mut text = Vec::new();
        readable(&serde_json::to_value(e).unwrap(), &mut text);
        // What `soleus exercises show` prints for it, too: the command line's own rendering.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_soleus")).args(["exercises", "show", &e.id]).output().unwrap();
        assert!(out.status.success(), "{}: {}", e.id, String::from_utf8_lossy(&out.stderr));
        text.push(String::from_utf8(out.stdout).unwrap());
        for t in &text {
            for w in INTERNAL_WORDS {
                assert!(!t.to_lowercase().contains(w), "{}: {w:?} in {t:?}", e.id);
            }
        }
        assert!(text.iter().any(|t| t.contains(&e.sources[0])), "{}: its first source is shown", e.id);
    }
}
