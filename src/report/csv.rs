//! metrics.csv: the long metrics table, one row per metric, RFC 4180 quoting, and cells that
//! begin with `=`, `+`, `-` or `@` neutralised with a leading `'` so that a spreadsheet does not
//! run them as formulas (numbers are written unquoted and are never neutralised).

use crate::audit::Audit;

/// Quotes a text cell for CSV and neutralises formula triggers.
pub fn text_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) || s.starts_with('\'') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn num_cell(x: Option<f64>) -> String {
    x.map(|v| format!("{v}")).unwrap_or_default()
}

/// Renders metrics.csv.
pub fn render_csv(audit: &Audit) -> String {
    let mut out = String::from(
        "attribute,group,metric,class,value,n,ci_low,ci_high,reference,p_value,p_adjusted,test,verdict,detectable_ratio,reason\n",
    );
    for r in &audit.metrics {
        let verdict = r
            .verdict
            .and_then(|v| serde_json::to_value(v).ok())
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let cells = [
            text_cell(&r.attribute),
            text_cell(&r.group),
            text_cell(r.metric.as_str()),
            text_cell(r.class.as_deref().unwrap_or("")),
            num_cell(r.value),
            r.n.to_string(),
            num_cell(r.ci_low),
            num_cell(r.ci_high),
            text_cell(r.reference.as_deref().unwrap_or("")),
            num_cell(r.p_value),
            num_cell(r.p_adjusted),
            r.test.unwrap_or_default().to_string(),
            verdict,
            num_cell(r.detectable_ratio),
            text_cell(&r.reason_text(audit.spec.lang).unwrap_or_default()),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_injection_neutralised() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text_cell("+1"), "\"'+1\"");
        assert_eq!(text_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(text_cell("-2"), "\"'-2\"");
        assert_eq!(text_cell("Female"), "Female");
        assert_eq!(text_cell("a,b"), "\"a,b\"");
    }
}
