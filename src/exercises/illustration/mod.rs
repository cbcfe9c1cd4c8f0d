//! Project-made illustrations: a side-view stick figure drawn from pose data, in a start and an
//! end panel with an arrow between them, plus the props an exercise needs.
//!
//! Poses are joint angles (`knowledge/exercises/poses.toml`), so every figure keeps the same
//! proportions and a physio can correct a pose by editing a number. Everything is stroked with
//! `currentColor`, so the app's theme (light or dark) decides the ink; the one accent colour is a
//! CSS variable with a fallback that reads on both backgrounds.
//!
//! The data a drawing is made of is in `pose` (a drawing, its props, the named poses), the figure's
//! joints in figure units in `geometry`, and the SVG written from them in `svg`.

mod geometry;
mod pose;
mod svg;

pub use pose::{poses, Arm, BandEnd, Drawing, Leg, Pose, Prop};
pub use svg::{HEIGHT, WIDTH};

use super::Exercise;

/// Renders an exercise's illustration; panics only if the knowledge files are inconsistent,
/// which the library's tests rule out (see [`check`]).
pub fn render(ex: &Exercise) -> String {
    svg::try_render(&ex.illustration, &ex.name).unwrap_or_else(|e| panic!("illustration of {}: {e}", ex.id))
}

/// Validates a drawing against the pose data: every pose, point and segment it names exists.
pub fn check(d: &Drawing) -> Result<(), String> {
    svg::try_render(d, "check").map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn drawing(start: &str, end: &str, props: Vec<Prop>) -> Drawing {
        Drawing { start: start.into(), end: end.into(), props, highlight: vec![], moves: None, labels: None }
    }

    #[test]
    fn an_unknown_pose_or_point_is_reported_by_name() {
        assert!(check(&drawing("stand", "moonwalk", vec![])).unwrap_err().contains("moonwalk"));
        let band = Prop::Band { from: "near_wing".into(), to: BandEnd::Point("near_hand".into()) };
        assert!(check(&drawing("stand", "stand", vec![band])).unwrap_err().contains("near_wing"));
    }
}
