//! Tests of the charts: every chart on sample data, hostile and Chinese text, empty and
//! non-finite input.

use super::wrap::{truncate, units, wrap};
use super::*;
use crate::i18n::Lang;

const HOSTILE: [&str; 2] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
];

fn bar(label: &str, value: f64, low: f64, high: f64) -> Bar {
    Bar {
        label: label.into(),
        value,
        low: Some(low),
        high: Some(high),
    }
}

fn sample_bars() -> Vec<Bar> {
    vec![
        bar("women", 0.31, 0.27, 0.35),
        bar("men", 0.45, 0.41, 0.49),
        bar(
            "a very long group name that goes on and on",
            0.52,
            0.30,
            0.74,
        ),
        Bar {
            label: "unknown".into(),
            value: f64::NAN,
            low: None,
            high: None,
        },
    ]
}

fn ratios() -> Vec<Bar> {
    vec![
        bar("women", 0.69, 0.6, 0.79),
        bar("men", 1.0, 1.0, 1.0),
        bar("non-binary", 0.85, 0.4, 1.9),
    ]
}

fn paired() -> Vec<(String, Bar, Bar)> {
    vec![
        (
            "women".into(),
            bar("FPR", 0.12, 0.09, 0.15),
            bar("FNR", 0.30, 0.25, 0.35),
        ),
        (
            "men".into(),
            bar("FPR", 0.20, 0.17, 0.23),
            bar("FNR", 0.18, 0.15, 0.21),
        ),
    ]
}

fn cdf_groups() -> Vec<(String, Vec<(f64, u64)>)> {
    (0..3)
        .map(|g| {
            let cells = (0..=10)
                .map(|k| (k as f64 / 10.0, (k as u64 * (g + 1) + 3) % 7 + 1))
                .collect();
            (format!("group {g}"), cells)
        })
        .collect()
}

fn calib_groups() -> Vec<(String, Vec<(f64, f64)>)> {
    (0..3)
        .map(|g| {
            let pts = (0..5)
                .map(|k| {
                    let x = 0.1 + 0.2 * k as f64;
                    (x, (x + 0.05 * (g as f64 - 1.0)).clamp(0.0, 1.0))
                })
                .collect();
            (format!("group {g}"), pts)
        })
        .collect()
}

fn heat() -> (Vec<String>, Vec<String>, Vec<Vec<Option<f64>>>) {
    (
        vec!["female".into(), "male".into()],
        vec!["Asian".into(), "Black".into(), "White".into()],
        vec![
            vec![Some(0.72), Some(0.81), None],
            vec![Some(0.95), Some(f64::NAN), Some(1.0)],
        ],
    )
}

/// Every chart function, on sample data with `title` and, where the function has them,
/// group names replaced by `name`.
fn all(title: &str, name: Option<&str>) -> Vec<(&'static str, String)> {
    let rename = |s: &str| name.map(str::to_string).unwrap_or_else(|| s.to_string());
    let mut bars = sample_bars();
    bars.iter_mut().for_each(|b| b.label = rename(&b.label));
    let mut rb = ratios();
    rb.iter_mut().for_each(|b| b.label = rename(&b.label));
    let mut pb = paired();
    pb.iter_mut().for_each(|g| g.0 = rename(&g.0));
    let mut cd = cdf_groups();
    cd.iter_mut().for_each(|g| g.0 = rename(&g.0));
    let mut cg = calib_groups();
    cg.iter_mut().for_each(|g| g.0 = rename(&g.0));
    let (mut r, mut c, v) = heat();
    r.iter_mut().for_each(|s| *s = rename(s));
    c.iter_mut().for_each(|s| *s = rename(s));
    let ok = |x: Result<String, String>| x.expect("chart renders");
    vec![
        (
            "rate_bars",
            ok(rate_bars(
                title,
                "selection rate (share selected, 0–1)",
                &bars,
                Some((0.4, &rename("overall"))),
                Lang::En,
            )),
        ),
        ("ratio_bars", ok(ratio_bars(title, &rb, Lang::En))),
        (
            "paired_bars",
            ok(paired_bars(
                title,
                "error rate (share, 0–1)",
                (&rename("false positive rate"), "false negative rate"),
                &pb,
                Lang::En,
            )),
        ),
        (
            "score_cdfs",
            ok(score_cdfs(title, "risk score (0–1)", &cd, Lang::En)),
        ),
        ("calibration", ok(calibration(title, &cg, None, Lang::En))),
        (
            "cdf_lines",
            ok(cdf_lines(
                title,
                "score (0–1)",
                (0.0, 1.0),
                &cg.iter()
                    .map(|(g, pts)| (g.clone(), 10, pts.clone()))
                    .collect::<Vec<_>>(),
                Lang::En,
            )),
        ),
        ("heatmap", ok(heatmap(title, &r, &c, &v, Lang::En))),
    ]
}

#[test]
fn every_chart_renders_with_title_and_fixed_width() {
    for (name, svg) in all("Selection rate by sex", None) {
        assert!(
            svg.starts_with("<svg"),
            "{name}: {}",
            &svg[..svg.len().min(80)]
        );
        assert!(svg.trim_end().ends_with("</svg>"), "{name}");
        assert!(svg.contains("Selection rate by sex"), "{name}");
        assert!(svg.contains("width=\"720\""), "{name}");
        assert!(svg.contains("font-family=\"sans-serif\""), "{name}");
    }
}

#[test]
fn text_is_at_least_13px() {
    for (name, svg) in all("Sizes", None) {
        for part in svg.split("font-size=\"").skip(1) {
            let size: f64 = part
                .split('"')
                .next()
                .and_then(|s| s.parse().ok())
                .expect("font-size is a number");
            assert!(size >= 13.0, "{name}: font-size {size}");
        }
    }
}

#[test]
fn charts_are_deterministic() {
    let a = all("Same", None);
    let b = all("Same", None);
    for ((name, x), (_, y)) in a.iter().zip(b.iter()) {
        assert_eq!(x, y, "{name}");
    }
}

#[test]
fn hostile_labels_cannot_produce_markup() {
    for hostile in HOSTILE {
        for (name, svg) in all(hostile, Some(hostile)) {
            let lower = svg.to_lowercase();
            assert!(!lower.contains("<script"), "{name}: {hostile}");
            assert!(!lower.contains("<img"), "{name}: {hostile}");
            assert!(svg.contains("&lt;"), "{name}: escaped text is kept");
        }
    }
}

#[test]
fn control_characters_are_removed() {
    let svg = rate_bars("a\u{0}b\nc", "x", &sample_bars(), None, Lang::En).expect("renders");
    assert!(!svg.contains('\u{0}'));
    assert!(svg.contains("a b c"));
}

#[test]
fn empty_input_gives_empty_string() {
    assert_eq!(
        rate_bars("t", "x", &[], Some((0.5, "overall")), Lang::En),
        Ok(String::new())
    );
    assert_eq!(ratio_bars("t", &[], Lang::En), Ok(String::new()));
    assert_eq!(
        paired_bars("t", "x", ("a", "b"), &[], Lang::En),
        Ok(String::new())
    );
    assert_eq!(score_cdfs("t", "x", &[], Lang::En), Ok(String::new()));
    assert_eq!(
        score_cdfs(
            "t",
            "x",
            &[("g".into(), vec![(f64::NAN, 3), (0.5, 0)])],
            Lang::En
        ),
        Ok(String::new())
    );
    assert_eq!(calibration("t", &[], None, Lang::En), Ok(String::new()));
    assert_eq!(
        calibration("t", &[("g".into(), vec![(f64::NAN, 0.5)])], None, Lang::En),
        Ok(String::new())
    );
    assert_eq!(
        heatmap("t", &[], &["c".into()], &[], Lang::En),
        Ok(String::new())
    );
    assert_eq!(
        heatmap("t", &["r".into()], &[], &[], Lang::En),
        Ok(String::new())
    );
}

#[test]
fn ratio_bars_show_the_four_fifths_line() {
    let svg = ratio_bars("Impact ratios", &ratios(), Lang::En).expect("renders");
    assert!(svg.contains("four-fifths line (0.8)"));
    assert!(svg.contains("parity (1.0)"));
    assert!(svg.contains("0.690"), "values are printed");
}

#[test]
fn non_finite_values_are_skipped() {
    let bars = vec![
        bar("a", f64::INFINITY, f64::NAN, 0.5),
        bar("b", 0.5, f64::NEG_INFINITY, f64::INFINITY),
    ];
    let svg = rate_bars("t", "x", &bars, Some((f64::NAN, "overall")), Lang::En).expect("renders");
    assert!(svg.contains("n/a"));
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    let svg = ratio_bars("t", &bars, Lang::En).expect("renders");
    assert!(!svg.contains("NaN"));
    let (r, c, v) = heat();
    let svg = heatmap("t", &r, &c, &v, Lang::En).expect("renders");
    assert_eq!(
        svg.matches(">\nn/a").count() + svg.matches(">n/a").count(),
        2
    );
}

#[test]
fn long_labels_are_truncated() {
    let long = "x".repeat(60);
    let svg = rate_bars("t", "x", &[bar(&long, 0.5, 0.4, 0.6)], None, Lang::En).expect("renders");
    assert!(!svg.contains(&long));
    assert!(svg.contains(&format!("{}…", "x".repeat(MAX_LABEL - 1))));
    assert_eq!(truncate("abc", 28), "abc");
    assert_eq!(truncate("abcdef", 4), "abc…");
}

#[test]
fn height_grows_with_bars() {
    let h = |svg: &str| -> u32 {
        svg.split("height=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .expect("height")
    };
    let one = rate_bars("t", "x", &sample_bars()[..1], None, Lang::En).expect("renders");
    let four = rate_bars("t", "x", &sample_bars(), None, Lang::En).expect("renders");
    assert_eq!(h(&four) - h(&one), 3 * 36);
}

#[test]
fn more_than_eight_groups_are_noted() {
    let groups: Vec<(String, Vec<(f64, u64)>)> = (0..10)
        .map(|g| (format!("g{g}"), vec![(g as f64, 1)]))
        .collect();
    let svg = score_cdfs("t", "x", &groups, Lang::En).expect("renders");
    assert!(svg.contains("showing the first 8 of 10 groups"));
    assert!(svg.contains("g7 (n = 1)"));
    assert!(!svg.contains("g8 (n = 1)"));
}

#[test]
fn chinese_text_is_measured_by_width() {
    // A Chinese character counts as two Latin ones.
    assert_eq!(units("性别ab"), 6);
    assert_eq!(truncate("一二三四五六七八九十", 10), "一二三四…");
    assert_eq!(truncate("一二三四五", 10), "一二三四五");
    // Chinese wraps between characters, Latin words stay whole.
    let lines = wrap("按性别划分的有利结果率 favorable rate 与影响比", 12, 5);
    assert_eq!(
        lines,
        [
            "按性别划分的",
            "有利结果率",
            "favorable",
            "rate 与影响",
            "比"
        ]
    );
    assert!(lines.iter().all(|l| units(l) <= 12), "{lines:?}");
    let cut = wrap("一二三四五六七八九十", 4, 2);
    assert_eq!(cut, ["一二", "三…"]);
}

#[test]
fn chinese_charts_have_chinese_labels() {
    let svg = ratio_bars("影响比", &ratios(), Lang::Zh).expect("renders");
    assert!(svg.contains("五分之四界线（0.8）") && svg.contains("均等（1.0）"));
    assert!(!svg.contains("four-fifths") && !svg.contains("interval"));
    let svg = calibration("校准", &calib_groups(), None, Lang::Zh).expect("renders");
    assert!(svg.contains("完全校准") && svg.contains("实际正类标签比例"));
    let (r, c, v) = heat();
    let svg = heatmap("热图", &r, &c, &v, Lang::Zh).expect("renders");
    assert!(
        svg.contains(">无<") || svg.contains(">\n无"),
        "missing cells marked 无"
    );
    assert!(!svg.contains("n/a"));
}

#[test]
#[ignore = "writes sample charts to /tmp/plots for a visual check"]
fn write_samples() {
    let dir = std::path::Path::new("/tmp/plots");
    std::fs::create_dir_all(dir).expect("mkdir");
    for (name, svg) in all("Selection rate by sex (sample data)", None) {
        std::fs::write(dir.join(format!("{name}.svg")), svg).expect("write");
    }
}
