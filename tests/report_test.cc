// The HTML report in a real browser: headless Chromium loads it from disk,
// the DOM holds one highlighted mark per sourced quote (as many as extract
// reports), and a screenshot is taken for people to look at.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "graphs/report_html.h"
#include "tests/graph_test_util.h"

namespace qg::graphs {
namespace {

using namespace qg::testing;

// Chromium as the brief prescribes: no network services, a fresh profile.
std::string Chromium(const std::string& dir, const std::string& args, int* rc) {
  std::string profile = dir + "/profile";
  return RunCommand("timeout 90 /usr/bin/chromium --headless --no-sandbox --disable-gpu "
                    "--disable-quic --no-first-run --disable-background-networking "
                    "--disable-component-update --disable-sync --user-data-dir='" + profile +
                    "' " + args + " 2>/dev/null", rc);
}

size_t Count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

TEST_CASE("report: self-contained page, one mark per sourced quote, in Chromium") {
  std::string dir = TempDir("report_handmade");
  Document doc = HandmadeDoc();
  Result<std::string> html = RenderReportHtml(doc, {});
  REQUIRE(html.ok());
  const std::string& page = html.value();
  // No network and no external assets.
  CHECK(page.find("src=\"http") == std::string::npos);
  CHECK(page.find("href=\"http") == std::string::npos);
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("@import") == std::string::npos);
  WriteFile(dir + "/report.html", page);
  int rc = 0;
  std::string dom = Chromium(dir, "--dump-dom 'file://" + dir + "/report.html'", &rc);
  REQUIRE_MESSAGE(rc == 0, "chromium failed");
  CHECK(Count(dom, "<mark class=\"quote ") == static_cast<size_t>(doc.summary.quotes));
  CHECK(Count(dom, "<mark class=\"term\"") == 1);
  CHECK(Count(dom, "class=\"quote src-person\"") == 2);
  CHECK(Count(dom, "class=\"quote src-anonymous\"") == 2);
  CHECK(Count(dom, "class=\"quote src-none\"") == 1);
  CHECK(dom.find("id=\"share-chart\"") != std::string::npos);
  CHECK(dom.find("id=\"audit\"") != std::string::npos);
  CHECK(dom.find("class=\"graph\"><svg") != std::string::npos);
  Chromium(dir, "--window-size=1280,2200 --screenshot='" + dir + "/report.png' 'file://" + dir +
                    "/report.html'", &rc);
  CHECK(ReadFile(dir + "/report.png").size() > 10000);
  MESSAGE("screenshot: " << dir << "/report.png");
}

TEST_CASE("report: the CLI's page of the seed has as many marks as extract's quotes") {
  std::string dir = TempDir("report_seed");
  std::string bin = QG_CLI_BINARY;
  std::string seed = std::string(QG_FIXTURES_DIR) + "/biden-putin-call.txt";
  int rc = 0;
  std::string json = RunCommand("'" + bin + "' extract --format json '" + seed + "'", &rc);
  REQUIRE(rc == 0);
  nlohmann::json j = nlohmann::json::parse(json);
  size_t sourced = 0;
  for (const auto& q : j["quotes"]) sourced += q["kind"] != "term";
  RunCommand("'" + bin + "' report '" + seed + "' -o '" + dir + "/report.html'", &rc);
  REQUIRE(rc == 0);
  std::string dom = Chromium(dir, "--dump-dom 'file://" + dir + "/report.html'", &rc);
  REQUIRE(rc == 0);
  CHECK(Count(dom, "<mark class=\"quote ") == sourced);
  CHECK(Count(dom, "<mark class=\"quote ") == j["summary"]["quotes"].get<size_t>());
  Chromium(dir, "--window-size=1280,2600 --screenshot='" + dir + "/report.png' 'file://" + dir +
                    "/report.html'", &rc);
  CHECK(ReadFile(dir + "/report.png").size() > 10000);
  MESSAGE("seed screenshot: " << dir << "/report.png (" << sourced << " quotes)");
}

TEST_CASE("report: extract output without text is refused with a reason") {
  Document d = HandmadeDoc();
  d.text.clear();
  Result<std::string> html = RenderReportHtml(d, {});
  CHECK_FALSE(html.ok());
  CHECK(html.status().message().find("needs the article text") != std::string::npos);
}

}  // namespace
}  // namespace qg::graphs
