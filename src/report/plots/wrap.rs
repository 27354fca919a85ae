//! Text fitting: the width of mixed Chinese and Latin text, cutting it with an ellipsis, and
//! wrapping it into lines (Chinese breaks between characters, Latin between words).

/// Replaces control characters (which XML cannot carry) by spaces and trims.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Whether `c` is drawn about twice as wide as a Latin letter (CJK ideographs, kana, hangul,
/// full-width forms and punctuation).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Width of `c` in Latin-character units (see [`super::CHAR_W`]): 2 for wide characters, else 1.
fn char_units(c: char) -> usize {
    if is_wide(c) { 2 } else { 1 }
}

/// Width of `s` in Latin-character units.
pub(super) fn units(s: &str) -> usize {
    s.chars().map(char_units).sum()
}

/// Cleans `s` and cuts it to `max` width units (a Chinese character counts 2), ending with "…"
/// when cut.
pub(super) fn truncate(s: &str, max: usize) -> String {
    let s = clean(s);
    let max = max.max(2);
    if units(&s) <= max {
        s
    } else {
        let mut t = String::new();
        let mut w = 0;
        for c in s.chars() {
            if w + char_units(c) > max - 1 {
                break;
            }
            w += char_units(c);
            t.push(c);
        }
        t = t.trim_end().to_string();
        t.push('…');
        t
    }
}

/// Splits text into the pieces a line may break between: words (runs of non-wide characters)
/// and single wide characters. Each piece records whether a space preceded it.
fn atoms(s: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut space = false;
    let mut word = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            if !word.is_empty() {
                out.push((space, std::mem::take(&mut word)));
            }
            space = true;
        } else if is_wide(c) {
            if !word.is_empty() {
                out.push((space, std::mem::take(&mut word)));
                space = false;
            }
            out.push((space, c.to_string()));
            space = false;
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push((space, word));
    }
    out
}

/// Wraps `s` into at most `lines` lines of at most `width` units, breaking at spaces and
/// between Chinese characters; the last line is cut with an ellipsis if text remains.
pub(super) fn wrap(s: &str, width: usize, lines: usize) -> Vec<String> {
    let s = clean(s);
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let pieces = atoms(&s);
    let mut rest_from = pieces.len();
    for (i, (space, w)) in pieces.iter().enumerate() {
        let len = units(&cur);
        let sep = usize::from(*space);
        if len == 0 {
            cur.push_str(w);
        } else if len + sep + units(w) <= width {
            if *space {
                cur.push(' ');
            }
            cur.push_str(w);
        } else {
            out.push(std::mem::take(&mut cur));
            if out.len() == lines {
                rest_from = i;
                break;
            }
            cur.push_str(w);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if rest_from < pieces.len() || out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            let mut joined = last.clone();
            for (space, w) in &pieces[rest_from.min(pieces.len())..] {
                if *space {
                    joined.push(' ');
                }
                joined.push_str(w);
            }
            *last = truncate(&joined, width);
        }
    }
    out.iter_mut().for_each(|l| *l = truncate(l, width));
    out
}
