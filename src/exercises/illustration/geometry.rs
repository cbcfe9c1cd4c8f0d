//! A posed figure's joints in figure units (y up, the floor at y = 0, the anchor at x = 0), and
//! the two poses of a drawing placed in that shared frame. Nothing here knows about SVG.

use std::collections::HashMap;

use super::pose::{poses, Drawing, Pose, Prop};

/// The figure's segment lengths in figure units: every pose keeps these proportions.
struct Segments {
    trunk: f64,
    thigh: f64,
    shin: f64,
    upper_arm: f64,
    forearm: f64,
    neck: f64,
}

/// A standing figure is about 160 units tall.
const SEGMENT: Segments = Segments { trunk: 50.0, thigh: 42.0, shin: 40.0, upper_arm: 27.0, forearm: 25.0, neck: 11.0 };
pub(super) const HEAD_R: f64 = 8.0;
/// A step's height when nothing else sets it.
const DEFAULT_STEP: f64 = 22.0;

pub(super) type P = (f64, f64);

pub(super) fn add(a: P, b: P) -> P {
    (a.0 + b.0, a.1 + b.1)
}
pub(super) fn lerp(a: P, b: P, t: f64) -> P {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}
/// A limb vector `len` long at `deg` from straight down, positive forward (y up).
fn limb(deg: f64, len: f64) -> P {
    let r = deg.to_radians();
    (r.sin() * len, -r.cos() * len)
}

/// The joints of a posed figure in figure units, y up.
#[derive(Debug, Clone)]
pub(super) struct Body {
    pub(super) points: HashMap<String, P>,
    pub(super) head: P,
}

impl Body {
    fn of(pose: &Pose) -> Body {
        let mut pts: HashMap<String, P> = HashMap::new();
        let hip = (0.0, 0.0);
        pts.insert("hip".into(), hip);
        let t = pose.trunk.to_radians();
        let shoulder = add(hip, (t.sin() * SEGMENT.trunk, t.cos() * SEGMENT.trunk));
        pts.insert("shoulder".into(), shoulder);
        let nt = (pose.trunk + pose.neck).to_radians();
        let head = add(shoulder, (nt.sin() * (SEGMENT.neck + HEAD_R), nt.cos() * (SEGMENT.neck + HEAD_R)));
        pts.insert("head".into(), head);
        for (side, leg, arm) in [("near", pose.near, pose.near_arm), ("far", pose.far, pose.far_arm)] {
            let knee = add(hip, limb(leg.thigh, SEGMENT.thigh));
            let ankle = add(knee, limb(leg.shin, SEGMENT.shin));
            let f = leg.foot.to_radians();
            let u = (f.cos(), -f.sin());
            let d = (-f.sin(), -f.cos());
            let at = |a: f64, b: f64| add(ankle, (u.0 * a + d.0 * b, u.1 * a + d.1 * b));
            let elbow = add(shoulder, limb(arm.upper, SEGMENT.upper_arm));
            let hand = add(elbow, limb(arm.fore, SEGMENT.forearm));
            let parts = [
                ("knee", knee),
                ("ankle", ankle),
                ("heel", at(-5.0, 6.0)),
                ("ball", at(12.0, 7.0)),
                ("toe", at(18.0, 6.0)),
                ("elbow", elbow),
                ("hand", hand),
                ("hip", hip),
            ];
            pts.extend(parts.map(|(part, p)| (format!("{side}_{part}"), p)));
        }
        Body { points: pts, head }
    }

    pub(super) fn get(&self, name: &str) -> Result<P, String> {
        self.points.get(name).copied().ok_or_else(|| format!("unknown point \"{name}\""))
    }

    fn shift(&mut self, by: P) {
        for p in self.points.values_mut() {
            *p = add(*p, by);
        }
        self.head = add(self.head, by);
    }

    /// The lowest y of the body's outline (limbs are drawn with some thickness).
    fn lowest(&self) -> f64 {
        let pts = self.points.values().map(|p| p.1 - 2.5);
        pts.chain(std::iter::once(self.head.1 - HEAD_R)).fold(f64::INFINITY, f64::min)
    }

    pub(super) fn segment(&self, name: &str) -> Result<(P, P), String> {
        let pair = match name {
            "trunk" => ("hip", "shoulder"),
            "near_thigh" => ("hip", "near_knee"),
            "near_shin" => ("near_knee", "near_ankle"),
            "near_foot" => ("near_heel", "near_toe"),
            "far_thigh" => ("hip", "far_knee"),
            "far_shin" => ("far_knee", "far_ankle"),
            "far_foot" => ("far_heel", "far_toe"),
            "near_upper_arm" => ("shoulder", "near_elbow"),
            "near_forearm" => ("near_elbow", "near_hand"),
            other => return Err(format!("unknown segment \"{other}\"")),
        };
        Ok((self.get(pair.0)?, self.get(pair.1)?))
    }
}

/// Places both poses in the shared figure frame (floor at y = 0, anchor at x = 0).
pub(super) fn place(d: &Drawing) -> Result<([Body; 2], Option<f64>), String> {
    let lookup = |name: &str| poses().get(name).ok_or_else(|| format!("unknown pose \"{name}\""));
    let (ps, pe) = (lookup(&d.start)?, lookup(&d.end)?);
    let mut start = Body::of(ps);
    let step = d.props.iter().find_map(|p| match p {
        Prop::Step { under, h, .. } => Some((under, *h)),
        _ => None,
    });
    let ground = |body: &mut Body, pose: &Pose, step: Option<f64>| -> Result<(), String> {
        let a = body.get(&pose.anchor)?;
        body.shift((-a.0, 0.0));
        let base = if pose.on_step { step.ok_or("on_step without a step prop")? } else { 0.0 };
        let low = match &pose.ground {
            Some(g) => body.get(g)?.1 - 2.5,
            None => body.lowest(),
        };
        body.shift((0.0, base + pose.lift - low));
        Ok(())
    };
    // A step's height is given, or read off the start pose (the foot that rests on it), unless
    // the start pose itself stands on the step.
    let step_top = match step {
        None => None,
        Some((_, Some(h))) => Some(h),
        Some((_, None)) if ps.on_step => Some(DEFAULT_STEP),
        Some((under, None)) => {
            let mut probe = start.clone();
            ground(&mut probe, ps, None)?;
            Some(probe.get(under)?.1 - 2.5)
        }
    };
    ground(&mut start, ps, step_top)?;
    let mut end = Body::of(pe);
    ground(&mut end, pe, step_top)?;
    Ok(([start, end], step_top))
}

#[cfg(test)]
mod tests {
    use super::super::tests::drawing;
    use super::*;

    #[test]
    fn a_heel_raise_lifts_the_heel_and_keeps_the_toes_on_the_floor() {
        let ([start, end], _) = place(&drawing("stand_wall", "heel_raise_wall", vec![])).unwrap();
        let (h0, h1) = (start.get("near_heel").unwrap(), end.get("near_heel").unwrap());
        assert!(h1.1 > h0.1 + 8.0, "heel rises: {h0:?} -> {h1:?}");
        assert!(end.get("near_toe").unwrap().1 < 4.0, "toes stay down");
        assert!(start.lowest().abs() < 1e-9 && end.lowest().abs() < 1e-9, "both rest on the floor");
    }

    #[test]
    fn the_anchor_stays_put_between_panels() {
        let ([start, end], _) = place(&drawing("stand_arms_fwd", "squat", vec![])).unwrap();
        assert_eq!(start.get("near_heel").unwrap().0, 0.0);
        assert_eq!(end.get("near_heel").unwrap().0, 0.0);
        assert!(end.get("hip").unwrap().1 < start.get("hip").unwrap().1 - 20.0, "a squat lowers the hips");
    }

    #[test]
    fn a_figure_on_a_step_stands_on_its_top() {
        let step = Prop::Step { under: "near_ball".into(), h: None, back: 3.0, front: 40.0 };
        let ([start, end], top) = place(&drawing("step_raise", "step_drop_single", vec![step])).unwrap();
        let top = top.unwrap();
        assert_eq!(top, DEFAULT_STEP);
        for b in [&start, &end] {
            assert!((b.get("near_ball").unwrap().1 - 2.5 - top).abs() < 1e-9);
        }
        assert!(end.get("near_heel").unwrap().1 < top, "the heel drops below the step");
    }
}
