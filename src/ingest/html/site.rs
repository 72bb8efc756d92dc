//! Which site a page belongs to: its registered domain, read with the
//! Public Suffix List, so that `www.bbc.co.uk` and `news.bbc.co.uk` are one
//! site and `example.github.io` and `other.github.io` are two.

/// The host of an absolute `http(s)` URL, lowercased, without port or
/// credentials. `None` for relative or other-scheme URLs.
pub fn host(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') { host } else { host.split(':').next()? };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// The registered domain of a URL ("https://news.bbc.co.uk/x" →
/// "bbc.co.uk"): the public suffix and one label before it.
pub fn registered_domain(url: &str) -> Option<String> {
    let host = host(url)?;
    if host.parse::<std::net::IpAddr>().is_ok() || host.starts_with('[') {
        return Some(host);
    }
    psl::domain_str(&host).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subdomains_of_one_site_share_a_domain() {
        assert_eq!(registered_domain("https://www.bbc.co.uk/news/x").as_deref(), Some("bbc.co.uk"));
        assert_eq!(registered_domain("http://news.bbc.co.uk:8080/a?b").as_deref(), Some("bbc.co.uk"));
        assert_eq!(registered_domain("https://a.example.github.io/").as_deref(), Some("example.github.io"));
        assert_eq!(registered_domain("HTTPS://WWW.Lemonde.FR/"), Some("lemonde.fr".into()));
    }

    #[test]
    fn relative_and_other_urls_have_none() {
        assert_eq!(registered_domain("/news/1"), None);
        assert_eq!(registered_domain("mailto:a@b.com"), None);
        assert_eq!(registered_domain("file:///tmp/x.html"), None);
    }
}
