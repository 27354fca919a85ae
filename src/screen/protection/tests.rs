//! Tests of the review on hand-made inputs.

use super::minimise::epidemic_purpose;

#[test]
fn epidemic_purposes() {
    assert!(epidemic_purpose("epidemic control"));
    assert!(epidemic_purpose("COVID-19 screening"));
    assert!(epidemic_purpose("防疫登记"));
    assert!(!epidemic_purpose("payroll"));
}
