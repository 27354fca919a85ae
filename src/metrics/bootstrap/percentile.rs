//! Percentile intervals of bootstrap replicates.

use crate::metrics::intervals::Interval;

/// Percentile interval of the defined replicate values; None when fewer than half of the
/// `replicates` were defined.
pub fn percentile_interval(
    values: &mut [f64],
    replicates: usize,
    confidence: f64,
) -> Option<Interval> {
    if values.is_empty() || values.len() * 2 < replicates {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let q = |p: f64| {
        // Linear interpolation between order statistics (numpy's default "linear" method).
        let pos = p * (values.len() - 1) as f64;
        let lo = pos.floor() as usize;
        let hi = pos.ceil() as usize;
        let frac = pos - lo as f64;
        values[lo] + (values[hi] - values[lo]) * frac
    };
    let a = (1.0 - confidence) / 2.0;
    Some(Interval {
        low: q(a),
        high: q(1.0 - a),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_interval_linear() {
        // numpy.percentile([1..=5], [2.5, 97.5]) = [1.1, 4.9]
        let mut v = vec![5.0, 1.0, 3.0, 2.0, 4.0];
        let i = percentile_interval(&mut v, 5, 0.95).unwrap();
        assert!((i.low - 1.1).abs() < 1e-12 && (i.high - 4.9).abs() < 1e-12);
        assert!(percentile_interval(&mut [1.0], 5, 0.95).is_none());
    }
}
