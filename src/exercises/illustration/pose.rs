//! What a drawing is made of, as `knowledge/exercises/` writes it: two named poses, the props,
//! what to highlight; and the poses themselves, as joint angles (`poses.toml`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an exercise's illustration shows: two named poses, props, and what to point at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Drawing {
    /// A pose name from `poses.toml`.
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub props: Vec<Prop>,
    /// Segments drawn in the accent colour: where the person should feel the work.
    #[serde(default)]
    pub highlight: Vec<String>,
    /// A point whose path from start to end is drawn as an arrow in the end panel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub moves: Option<String>,
    /// Short labels under the panels (default "Start" / "End").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub labels: Option<[String; 2]>,
}

/// A prop, placed relative to the figure so that it stays right when a pose is edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Prop {
    /// A box whose top is under `under` (a point) in the start pose; `h` overrides its height.
    /// `back` and `front` are how far it reaches behind and in front of the point.
    Step {
        under: String,
        #[serde(default)]
        #[ts(optional)]
        h: Option<f64>,
        #[serde(default = "default_back")]
        back: f64,
        #[serde(default = "default_front")]
        front: f64,
    },
    /// A chair whose seat is under the hips of the start pose.
    Chair,
    /// A wall at `x` figure units from the anchor point (negative: behind the person).
    Wall { x: f64 },
    /// A ball under a segment at a fraction of its length (`at` in the start pose, `at_end` in
    /// the end pose), touching the floor.
    Ball { under: String, at: f64, at_end: f64 },
    /// An elastic band or towel between two points of the pose (or a fixed point `[x, y]`).
    Band { from: String, to: BandEnd },
    /// A dumbbell held at a point.
    Dumbbell { at: String },
    /// A floor mat.
    Mat,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum BandEnd {
    Point(String),
    Fixed([f64; 2]),
}

fn default_back() -> f64 {
    8.0
}
fn default_front() -> f64 {
    30.0
}

/// One leg: absolute segment angles in degrees. Thigh and shin are measured from straight down,
/// positive towards the way the person faces; the foot from horizontal, positive toes down.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Leg {
    pub thigh: f64,
    pub shin: f64,
    pub foot: f64,
}

/// One arm: absolute angles from straight down, positive forward.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Arm {
    pub upper: f64,
    pub fore: f64,
}

impl Default for Arm {
    fn default() -> Self {
        Arm { upper: 5.0, fore: 15.0 }
    }
}

/// A whole-body pose. `trunk` is measured from straight up, positive leaning forward; `neck`
/// tilts the head relative to the trunk. The figure is placed so that `anchor` sits at x = 0
/// and `ground` (default: the lowest point) rests `lift` units above the floor, or on top of the
/// drawing's step when `on_step` is set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pose {
    pub trunk: f64,
    pub neck: f64,
    pub near: Leg,
    pub far: Leg,
    pub near_arm: Arm,
    pub far_arm: Arm,
    pub anchor: String,
    pub ground: Option<String>,
    pub lift: f64,
    pub on_step: bool,
}

impl Default for Pose {
    fn default() -> Self {
        Pose {
            trunk: 0.0,
            neck: 0.0,
            near: Leg::default(),
            far: Leg::default(),
            near_arm: Arm::default(),
            far_arm: Arm { upper: -5.0, fore: 5.0 },
            anchor: "near_heel".into(),
            ground: None,
            lift: 0.0,
            on_step: false,
        }
    }
}

/// The named poses, parsed once.
pub fn poses() -> &'static HashMap<String, Pose> {
    static POSES: OnceLock<HashMap<String, Pose>> = OnceLock::new();
    POSES.get_or_init(|| {
        toml::from_str(crate::embedded::knowledge("exercises/poses.toml"))
            .unwrap_or_else(|e| panic!("knowledge/exercises/poses.toml: {e}"))
    })
}
