//! audit.json: the audit document as JSON, with each finding's id and sentence.

use crate::audit::Audit;

use super::{sections, text};

/// audit.json: the whole document, pretty-printed, deterministic. Each finding also carries
/// its `id` (F1, F2, ... as in the reports) and its sentence (`summary`) in the report's
/// language, written here from its codes and numbers.
pub fn render_json(audit: &Audit) -> String {
    let mut v = match serde_json::to_value(audit) {
        Ok(v) => v,
        Err(e) => return format!("{{\"error\": \"{e}\"}}\n"),
    };
    if let Some(list) = v.get_mut("findings").and_then(|f| f.as_array_mut()) {
        for (i, (item, f)) in list.iter_mut().zip(&audit.findings).enumerate() {
            if let Some(obj) = item.as_object_mut() {
                obj.insert("id".into(), sections::finding_id(i).into());
                obj.insert("summary".into(), text::finding_sentence(audit, f).into());
            }
        }
    }
    let mut s =
        serde_json::to_string_pretty(&v).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use crate::report::num;

    #[test]
    fn num_formats() {
        assert_eq!(num(Some(3.0)), "3");
        assert_eq!(num(Some(0.448468)), "0.4485");
        assert_eq!(num(Some(0.5)), "0.5");
        assert_eq!(num(None), "–");
    }
}
