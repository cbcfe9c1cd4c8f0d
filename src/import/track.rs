//! What a track of points adds up to: distance, climb and time. Shared by GPX and TCX, whose
//! files carry points rather than totals (or totals that may be missing).

use chrono::{DateTime, Utc};

/// Elevation changes smaller than this are GPS noise, not hills; counting them would double a
/// flat run's climb.
const CLIMB_NOISE_M: f64 = 2.0;
const EARTH_RADIUS_M: f64 = 6_371_008.8;

#[derive(Debug, Clone, Copy, Default)]
pub struct Point {
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub elevation: Option<f64>,
    pub time: Option<DateTime<Utc>>,
}

/// Great-circle distance in metres (haversine).
pub fn haversine_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().asin()
}

/// Metres along consecutive positioned points of one segment.
pub fn distance_m(points: &[Point]) -> Option<f64> {
    let positions: Vec<(f64, f64)> = points.iter().filter_map(|p| Some((p.lat?, p.lon?))).collect();
    (positions.len() >= 2).then(|| positions.windows(2).map(|w| haversine_m(w[0], w[1])).sum())
}

/// Metres climbed, ignoring wobbles smaller than [`CLIMB_NOISE_M`].
pub fn climb_m(points: &[Point]) -> Option<f64> {
    let mut heights = points.iter().filter_map(|p| p.elevation);
    let mut base = heights.next()?;
    let mut gain = 0.0;
    for h in heights {
        if h < base {
            base = h;
        } else if h - base >= CLIMB_NOISE_M {
            gain += h - base;
            base = h;
        }
    }
    Some(gain)
}

/// First and last timestamps.
pub fn time_span(points: &[Point]) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let mut times = points.iter().filter_map(|p| p.time);
    let first = times.next()?;
    Some(times.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(ele: f64) -> Point {
        Point { elevation: Some(ele), ..Point::default() }
    }

    #[test]
    fn a_degree_of_latitude_is_about_111_km() {
        let d = haversine_m((45.0, 7.0), (46.0, 7.0));
        assert!((d - 111_195.0).abs() < 50.0, "{d}");
    }

    #[test]
    fn climb_ignores_noise_but_counts_real_hills() {
        let wobble: Vec<Point> = [100.0, 101.0, 100.0, 101.5, 100.2].into_iter().map(at).collect();
        assert_eq!(climb_m(&wobble), Some(0.0));
        let hill: Vec<Point> = [100.0, 101.0, 102.5, 110.0, 105.0, 108.0].into_iter().map(at).collect();
        assert_eq!(climb_m(&hill), Some(13.0));
    }
}
