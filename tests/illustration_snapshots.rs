//! Every exercise's illustration as the SVG the app shows, pinned as one snapshot: drawing code
//! can be moved or tidied without a pixel changing, and a change to a pose or a prop shows up
//! here for review (`cargo insta review`, or INSTA_UPDATE=always then read the diff).

use soleus::exercises;

#[test]
fn the_library_draws_as_before() {
    let all: Vec<String> = exercises::library().iter().map(|e| format!("{}\n{}\n", e.id, e.svg())).collect();
    assert!(all.len() >= 30, "only {} illustrations", all.len());
    insta::assert_snapshot!("library_svgs", all.concat());
}
