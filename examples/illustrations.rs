//! Writes every exercise's illustration to `target/illustrations/ID-{light,dark}.svg`, in the
//! app's ink for each theme, to look at them all at once as a contact sheet:
//! `cargo run --example illustrations`, then e.g. `rsvg-convert` and `montage`.

fn main() -> std::io::Result<()> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/illustrations");
    std::fs::create_dir_all(&dir)?;
    for e in soleus::exercises::library() {
        let svg = e.svg();
        for (theme, ink) in [("light", "#1d2a24"), ("dark", "#e8efe9")] {
            let themed = svg.replacen("<svg ", &format!("<svg style=\"--soleus-ink:{ink};color:{ink}\" "), 1);
            std::fs::write(dir.join(format!("{}-{theme}.svg", e.id)), themed)?;
        }
    }
    println!("{}", dir.display());
    Ok(())
}
