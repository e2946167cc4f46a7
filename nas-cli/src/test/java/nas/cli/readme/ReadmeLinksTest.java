package nas.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nas.cli.readme.MarkdownLinks.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link and #anchor of README.md and docs/*.md leads to a file and a heading that exist. */
class ReadmeLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    @Test
    void everyRelativeLinkAndAnchorOfTheReadmeAndTheDocsResolves() throws Exception {
        List<Link> links = new ArrayList<>();
        for (Path document : ReadmeBlocks.documents(ROOT)) {
            links.addAll(MarkdownLinks.links(document));
        }
        // the README links into docs/ and back, and within itself
        assertThat(links).extracting(Link::target)
                .contains("docs/benchmarks.md#stored-evolution-runs", "../README.md#benchmarks", "#dashboard-and-reports");
        List<String> broken = new ArrayList<>();
        for (Link link : links) {
            String problem = MarkdownLinks.problem(link, ROOT);
            if (problem != null) {
                broken.add(link + ": " + problem);
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void headingIdsFollowGitHubsRules() {
        // ids as GitHub gives them to headings of this README
        assertThat(MarkdownLinks.slug("`nas search`")).isEqualTo("nas-search");
        assertThat(MarkdownLinks.slug("Which parameters matter: screen → search → importance"))
                .isEqualTo("which-parameters-matter-screen--search--importance");
        assertThat(MarkdownLinks.slug("Ask + tell overhead")).isEqualTo("ask--tell-overhead");
        assertThat(MarkdownLinks.slug("Tuning a training program: config files, summaries, seeds, Go / No-Go"))
                .isEqualTo("tuning-a-training-program-config-files-summaries-seeds-go--no-go");
        assertThat(MarkdownLinks.slug("Where a trial's time goes through the server"))
                .isEqualTo("where-a-trials-time-goes-through-the-server");
        assertThat(MarkdownLinks.slug("A [linked](other.md) heading_with_underscores"))
                .isEqualTo("a-linked-heading_with_underscores");
        assertThat(MarkdownLinks.anchors("# Top\n## Notes\n```sh\n# not a heading\n```\n## Notes\n### Notes ##\n"))
                .containsExactly("top", "notes", "notes-1", "notes-2");
    }

    @Test
    void aMissingFileOrHeadingIsFoundAndCodeIsNotALink() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.md"), "# A\n\n## Kept section\n");
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, String.join("\n",
                "# R", "",
                "[ok](docs/a.md#kept-section), [self](#r), [picture](docs/a.md) and [web](https://example.org/x#y).",
                "[gone](docs/b.md) and [no heading](docs/a.md#moved-section) and [no self](#nowhere).",
                "`[in code](docs/c.md)`", "```sh", "echo [in a block](docs/d.md)", "```", ""));
        List<Link> links = MarkdownLinks.links(readme);
        assertThat(links).extracting(Link::target).containsExactly(
                "docs/a.md#kept-section", "#r", "docs/a.md", "docs/b.md", "docs/a.md#moved-section", "#nowhere");
        List<String> problems = new ArrayList<>();
        for (Link link : links) {
            problems.add(MarkdownLinks.problem(link, dir));
        }
        assertThat(problems).containsExactly(null, null, null, "no such file docs/b.md",
                "no heading with the id 'moved-section' in a.md", "no heading with the id 'nowhere' in README.md");
        assertThat(links.get(3).line()).isEqualTo(4);
    }
}
