"""components/urls.py: what counts as one page, and links that are fine as they are."""

from __future__ import annotations

import pytest

from components.urls import host_of, normalise_url, on_domain, parent_domains, url_problem


def test_normalise_url_sets_aside_scheme_www_host_case_trailing_slash_and_fragment():
    same = ["https://www.Example.org/a/b/", "http://example.org/a/b", "https://example.org./a/b#part"]
    assert {normalise_url(u) for u in same} == {"example.org/a/b"}
    assert normalise_url("https://example.org/a?x=1") != normalise_url("https://example.org/a?x=2")
    assert normalise_url("https://example.org/A") != normalise_url("https://example.org/a")  # paths keep their case


def test_host_and_domain():
    assert host_of("https://WWW.Docslib.org/doc/1") == "docslib.org"
    assert on_domain("webhooks.codingahead.com", "codingahead.com")
    assert not on_domain("notcodingahead.com", "codingahead.com")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.bls.gov/ooh/healthcare/occupational-therapists.htm",
        "https://www.cms.gov/medicare-coverage-database/details/lcd-details.aspx?LCDId=33631&ContrId=297&ver=37",
        "https://projectionscentral.org/Projections/LongTerm?AreaName=&Name=physical%20therapist&page=50",
        "https://example.org/appdata-guide",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC9460090",
    ],
)
def test_clean_links_pass(url):
    assert url_problem(url) is None


def test_parent_domains_answer_as_on_domain_does():
    hosts = ["webhooks.codingahead.com", "notcodingahead.com", "codingahead.com", "a.b.c.org", "localhost", ""]
    domains = ["codingahead.com", "c.org", "b.c.org", "org", "localhost", "com"]
    for host in hosts:
        for domain in domains:
            assert (domain in parent_domains(host)) == on_domain(host, domain), (host, domain)
