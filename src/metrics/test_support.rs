//! Helpers and data shared by the unit tests of the metric functions.

/// Asserts `actual` is within `tol` of `expected`.
pub(crate) fn close(actual: f64, expected: f64, tol: f64) {
    assert!(
        (actual - expected).abs() <= tol,
        "actual {actual:e} expected {expected:e} (tol {tol:e})"
    );
}

/// Asserts `actual` is within a relative `tol` of `expected`.
pub(crate) fn rel(actual: f64, expected: f64, tol: f64) {
    assert!(
        (actual - expected).abs() <= tol * expected.abs(),
        "actual {actual:e} expected {expected:e} (rel tol {tol:e})"
    );
}

/// Illustrative decile-score counts (1..=10) for two groups of a risk tool.
pub(crate) const GROUP: [(f64, u64); 10] = [
    (1.0, 365),
    (2.0, 346),
    (3.0, 298),
    (4.0, 337),
    (5.0, 323),
    (6.0, 318),
    (7.0, 343),
    (8.0, 301),
    (9.0, 317),
    (10.0, 227),
];
pub(crate) const REFERENCE: [(f64, u64); 10] = [
    (1.0, 605),
    (2.0, 321),
    (3.0, 238),
    (4.0, 243),
    (5.0, 200),
    (6.0, 160),
    (7.0, 113),
    (8.0, 96),
    (9.0, 77),
    (10.0, 50),
];
/// x = [1, 2, 2, 3, 5], y = [2, 3, 4, 4, 6, 7]
pub(crate) const SMALL_X: [(f64, u64); 4] = [(1.0, 1), (2.0, 2), (3.0, 1), (5.0, 1)];
pub(crate) const SMALL_Y: [(f64, u64); 5] = [(2.0, 1), (3.0, 1), (4.0, 2), (6.0, 1), (7.0, 1)];
