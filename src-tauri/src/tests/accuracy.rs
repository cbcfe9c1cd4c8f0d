//! "How accurate is this?" through real IPC: every shipped set, each way, with what it is.

use serde_json::json;

use super::{app, invoke};

#[test]
fn the_figures_of_every_shipped_set_cross_ipc() {
    let (_app, w) = app();
    let b = invoke(&w, "accuracy_figures", json!({})).unwrap();
    let sets = soleus::evaluation::sets().unwrap();
    let got = b["sets"].as_array().unwrap();
    assert_eq!(got.len(), sets.len());
    for (g, set) in got.iter().zip(sets) {
        assert_eq!(g["set"]["title"], set.title.as_str());
        assert_eq!(g["set"]["tuned_on"], set.tuned_on);
        assert_eq!(g["full_case"]["cases"], set.cases);
        let full = soleus::evaluation::score(&soleus::evaluation::cases(set).unwrap(), soleus::evaluation::Mode::FullCase).unwrap();
        assert_eq!(g["full_case"]["top1"], full.top1, "{}", set.file);
        assert!(g["interview"]["median_questions"].as_u64().unwrap() >= 1);
    }
}
