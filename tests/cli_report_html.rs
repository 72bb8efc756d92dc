//! `newsarchive report html`: one self-contained page, checked as a file
//! and as a browser sees it. Headless Chromium renders the page of the seed
//! archive; the heatmap read back from its DOM must have one cell per
//! ordered pair of outlets, each with the count `report_outlet_pairs`
//! gives, and a screenshot is kept as a test artifact
//! (`target/test-artifacts/report-html.png`, shown in the README).
//!
//! Chromium is installed (Debian's `chromium` package, with apt-get) when it
//! is missing; when it cannot be had, the test fails and says what to
//! install: the browser check is part of the feature.

mod common;
use common::{Workdir, parse_csv};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What Chromium is run with, besides the profile directory and the task.
const CHROMIUM_FLAGS: &[&str] =
    &["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

/// How long Chromium may take for one page before it is killed.
const CHROMIUM_TIMEOUT: Duration = Duration::from_secs(60);

/// The seed archive and its report.
fn seeded() -> (Workdir, String) {
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    let out = w.cmd().args(["report", "html", "--output", "report.html"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("report.html"), "the path is said on stderr");
    let page = std::fs::read_to_string(w.path().join("report.html")).unwrap();
    (w, page)
}

#[test]
fn the_page_is_self_contained() {
    let (w, page) = seeded();
    assert!(page.starts_with("<!DOCTYPE html>"));
    let lower = page.to_lowercase();
    for needle in ["<script", "<link", "<iframe", "<img", "@import", "url("] {
        assert!(!lower.contains(needle), "the page holds {needle}");
    }
    // Nothing is fetched: the only absolute URL is SVG's namespace, an
    // identifier no browser loads.
    let urls = lower.matches("http://").count() + lower.matches("https://").count();
    assert_eq!(urls, lower.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(), "external resources");
    for section in ["id=\"overlap\"", "id=\"variants\"", "id=\"speakers\"", "id=\"over-time\""] {
        assert!(page.contains(section), "{section}");
    }
    // No temporary file is left beside the report.
    let names: Vec<String> =
        std::fs::read_dir(w.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    // The seed corpus states claims: their sections are there.
    assert!(page.contains("id=\"claim-coverage\""));
    assert!(page.len() < 300_000, "{} bytes", page.len());
}

#[test]
fn without_output_it_is_a_usage_error() {
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    let out = w.cmd().args(["report", "html"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--output"), "{err}");
    assert!(out.stdout.is_empty(), "no page on standard output");
    // It is named with the list of reports (on stderr: the list on stdout
    // pairs each report with its view) and in the help.
    let list = w.cmd().arg("report").output().unwrap();
    assert!(String::from_utf8_lossy(&list.stderr).contains("report html --output FILE"));
    let help = w.stdout(&["report", "--help"]);
    assert!(help.contains("html"), "{help}");
}

#[test]
fn quotations_and_names_are_escaped() {
    let w = Workdir::new();
    // Three articles (different titles: the same text twice is one
    // article), two outlets carrying the quotation word for word, a third
    // in another wording.
    let quote = |title: &str, verb: &str| {
        format!(
            "{title}\n\n\"We {verb} allow <script>alert('x')</script> & <b>tags</b> in our city hall again,\" \
             Ann Park said on Monday.\n"
        )
    };
    w.write("in/a.txt", quote("City hall <i>row</i>", "will not"));
    w.write("in/b.txt", quote("Mayor speaks", "will not"));
    w.write("in/c.txt", quote("Mayor speaks again", "shall not"));
    w.write(
        "in/manifest.csv",
        "file,outlet,published\na.txt,Springfield <b>Herald</b>,2024-03-04\nb.txt,\"Wire & \"\"Co\"\"\",2024-03-04\n\
         c.txt,<script>Evil</script> News,2024-03-05\n",
    );
    w.stdout(&["--quiet", "import", "in"]);
    w.stdout(&["--quiet", "report", "html", "--output", "evil.html"]);
    let page = std::fs::read_to_string(w.path().join("evil.html")).unwrap();
    let lower = page.to_lowercase();
    for raw in ["<script", "<b>", "<i>", "alert('x')"] {
        assert!(!lower.contains(raw), "{raw} reached the page");
    }
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"), "the quotation, escaped");
    assert!(page.contains("Springfield &lt;b&gt;Herald&lt;/b&gt;"));
    assert!(page.contains("Wire &amp; &quot;Co&quot;"));
    assert!(page.contains("&lt;script&gt;Evil&lt;/script&gt; News"));
    // In the variants table too, with the changed word marked.
    assert!(page.contains("<del>shall</del> <ins>will</ins>"), "{page}");
}

/// Chromium on PATH, installed with apt-get when missing.
fn chromium() -> PathBuf {
    let find = || ["chromium", "chromium-browser"].iter().find_map(|name| which(name));
    if let Some(found) = find() {
        return found;
    }
    eprintln!("chromium is not installed: installing Debian's chromium package (apt-get install -y chromium)");
    let install = || {
        Command::new("apt-get")
            .args(["install", "-y", "chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .is_ok_and(|s| s.success())
    };
    if !install() {
        eprintln!("apt-get install failed: updating the package lists (apt-get update) and trying again");
        let _ = Command::new("apt-get").arg("update").status();
        install();
    }
    find().unwrap_or_else(|| {
        panic!(
            "headless Chromium is needed for this test and could not be installed: install the Debian package \
             `chromium` (`sudo apt-get install chromium`, or `make browser`), or put `chromium` on PATH"
        )
    })
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(name)).find(|p| p.is_file())
}

/// Runs Chromium on `page` with `task` (`--dump-dom`, `--screenshot=…`),
/// in a fresh profile; returns its standard output. Killed after
/// [`CHROMIUM_TIMEOUT`].
fn run_chromium(browser: &Path, page: &Path, task: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out_file = profile.path().join("stdout");
    let mut child = Command::new(browser)
        .args(CHROMIUM_FLAGS)
        .arg(format!("--user-data-dir={}", profile.path().join("profile").display()))
        .args(task)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_file).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", browser.display()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > CHROMIUM_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium {task:?} took more than {} s; killed", CHROMIUM_TIMEOUT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "chromium {task:?} failed: {status}");
    std::fs::read_to_string(&out_file).unwrap()
}

/// The target directory: `CARGO_TARGET_TMPDIR` is `target/tmp`.
fn artifacts_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp.parent().unwrap_or(tmp).join("test-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn chromium_shows_the_heatmap_with_the_archives_counts() {
    let browser = chromium();
    let version = Command::new(&browser).arg("--version").output().unwrap();
    eprintln!("browser: {}", String::from_utf8_lossy(&version.stdout).trim());
    let (w, _) = seeded();
    let page = w.path().join("report.html");

    // What the archive says.
    let (_, pairs) = parse_csv(&w.stdout(&[
        "sql",
        "SELECT outlet_a, outlet_b, shared FROM report_outlet_pairs",
        "--format",
        "csv",
        "--raw",
    ]));
    let expected: HashMap<(String, String), i64> =
        pairs.iter().map(|r| ((r[0].clone(), r[1].clone()), r[2].parse().unwrap())).collect();
    let (_, outlets) = parse_csv(&w.stdout(&["report", "quote-overlap", "--format", "csv", "--raw"]));
    let own: HashMap<String, i64> = outlets.iter().map(|r| (r[0].clone(), r[2].parse().unwrap())).collect();
    assert_eq!(own.len(), 5, "the seed has five outlets");
    assert!(expected.values().any(|&n| n > 0), "the seed outlets share quotations");

    // What the browser shows.
    let dom = run_chromium(&browser, &page, &["--dump-dom"]);
    let doc = scraper::Html::parse_document(&dom);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let attr = |e: &scraper::ElementRef<'_>, name: &str| e.value().attr(name).unwrap_or_default().to_owned();

    let diagonal: Vec<_> = doc.select(&select("svg.heatmap rect.cell.self")).collect();
    assert_eq!(diagonal.len(), own.len(), "one diagonal cell per outlet");
    for cell in &diagonal {
        assert_eq!(attr(cell, "data-a"), attr(cell, "data-b"));
        assert_eq!(attr(cell, "data-quotes").parse::<i64>().ok(), own.get(&attr(cell, "data-a")).copied());
    }
    let cells: Vec<_> = doc.select(&select("svg.heatmap rect.cell.pair")).collect();
    let n = own.len();
    assert_eq!(cells.len(), n * (n - 1), "one cell per ordered pair of outlets");
    let mut seen = std::collections::HashSet::new();
    for cell in &cells {
        let (a, b) = (attr(cell, "data-a"), attr(cell, "data-b"));
        assert!(a != b && own.contains_key(&a) && own.contains_key(&b), "{a} × {b}");
        assert!(seen.insert((a.clone(), b.clone())), "{a} × {b} twice");
        let key = if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
        let want = expected.get(&key).copied().unwrap_or(0);
        assert_eq!(attr(cell, "data-shared").parse::<i64>().unwrap(), want, "{a} × {b}");
        // Hovering shows the count; clicking leads to the pair's quotations.
        let title = cell.select(&select("title")).next().map(|t| t.text().collect::<String>()).unwrap_or_default();
        assert!(title.contains(&format!(": {want} shared")), "{title}");
        if want > 0 {
            let link = cell.parent().and_then(scraper::ElementRef::wrap).expect("cell inside a link");
            let href = link.value().attr("href").expect("a link");
            let section = doc.select(&select(&format!("section{href}"))).next().expect("the pair's section");
            let listed = section.select(&select("li")).count() as i64;
            assert!(listed >= 1 && listed <= want, "{a} × {b}: {listed} listed of {want}");
            if listed < want {
                let text: String = section.text().collect();
                assert!(text.contains(&format!("and {} more", want - listed)), "{text}");
            }
        }
    }

    // The screenshot, kept.
    let png = artifacts_dir().join("report-html.png");
    let _ = std::fs::remove_file(&png);
    run_chromium(&browser, &page, &[&format!("--screenshot={}", png.display()), "--window-size=1280,1800"]);
    let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("{}: {e}", png.display()));
    assert!(bytes.len() > 1000 && bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG of {} bytes", bytes.len());
    eprintln!("screenshot: {}", png.display());
}
