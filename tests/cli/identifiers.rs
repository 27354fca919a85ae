//! Direct identifiers given as inputs (issue 16): a phone column, recognised by its name, and a
//! column of mobile numbers under a neutral name, recognised by its values, are numbers to a
//! reader of the CSV, yet neither may enter Candor's model of the algorithm, the
//! counterfactual or the "similar workers" comparison, and no document prints them in full.

use super::common::*;

#[test]
fn phone_numbers_among_the_inputs_never_enter_the_explanation_model() {
    let dir = tmp("phone-inputs");
    let mut csv = String::from("worker_id,sex,tenure,errors,phone,backup_contact,flagged\n");
    let mut phones = Vec::new();
    for i in 0..60u64 {
        let sex = if i % 2 == 0 { "F" } else { "M" };
        let tenure = 6 + (i * 7) % 40;
        let errors = (i * 5) % 9;
        // Both phone columns rise with the row number, as the decision does: a model given
        // them as numbers would find them predictive.
        let phone = 13_800_000_000 + i * 1_000 + (i * 37) % 100;
        let backup = 15_900_000_000 + i * 2_000;
        let flagged = u8::from(errors * 4 + i / 6 > 24);
        csv.push_str(&format!(
            "W{i:03},{sex},{tenure},{errors},{phone},{backup},{flagged}\n"
        ));
        phones.push(phone.to_string());
        phones.push(backup.to_string());
    }
    let data = fixture(&dir, "staff.csv", csv.as_bytes());
    let out = dir.join("x");
    candor()
        .arg("explain")
        .arg(&data)
        .args([
            "--decision",
            "flagged",
            "--positive",
            "1",
            "--favorable",
            "negative",
            "--group",
            "sex",
            "--id",
            "worker_id",
            "--features",
            "tenure,errors,phone,backup_contact",
            "--min-group-size",
            "5",
            "--bootstrap",
            "0",
            "--all",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let mut docs = 0;
    let mut similar_seen = 0;
    for entry in std::fs::read_dir(&out).unwrap() {
        let p = entry.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        for phone in &phones {
            assert!(
                !text.contains(phone.as_str()),
                "{} prints {phone}",
                p.display()
            );
        }
        if p.extension().is_none_or(|x| x != "json") {
            continue;
        }
        docs += 1;
        let e: serde_json::Value = serde_json::from_str(&text).unwrap();
        for column in ["phone", "backup_contact"] {
            let input = e["inputs"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["column"] == column)
                .unwrap_or_else(|| panic!("{column} listed among the data used"));
            assert_eq!(input["model_role"], "not_usable", "{column}: {input}");
            assert!(
                !e["factors"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["column"] == column),
                "{column} weighs in the model: {}",
                e["factors"]
            );
        }
        let model_inputs: Vec<&str> = e["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["model_role"] == "input")
            .map(|i| i["column"].as_str().unwrap())
            .collect();
        assert_eq!(model_inputs, ["tenure", "errors"]);
        if let Some(inputs) = e["similar"]["inputs"].as_array() {
            similar_seen += 1;
            let names: Vec<&str> = inputs.iter().map(|x| x.as_str().unwrap()).collect();
            assert_eq!(names, ["tenure", "errors"]);
        }
    }
    assert_eq!(docs, 60);
    assert!(similar_seen > 0, "no document compared similar workers");
    let _ = std::fs::remove_dir_all(&dir);
}
