package ai.pace42.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Finds test classes Surefire would never run: a class with JUnit or jqwik test methods whose file matches none
 * of the Surefire include patterns of its module and is not excluded on purpose. Reads the patterns from the
 * poms as Maven merges them (a module's {@code <includes>} or {@code <excludes>} replaces the parent's).
 */
final class TestClassCoverage {

    private static final Pattern TEST_METHOD = Pattern.compile(
            "^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b",
            Pattern.MULTILINE);

    private TestClassCoverage() {
    }

    /** Paths, relative to {@code root}, of the test classes no Surefire run in {@code mvn verify} picks up. */
    static List<String> notRun(Path root) {
        Document parent = read(root.resolve("pom.xml"));
        List<String> parentIncludes = surefireList(parent, "include");
        List<String> parentExcludes = surefireList(parent, "exclude");
        List<String> missed = new ArrayList<>();
        for (String module : texts(parent.getDocumentElement(), "module")) {
            Path dir = root.resolve(module);
            Document pom = read(dir.resolve("pom.xml"));
            List<String> includes = orElse(surefireList(pom, "include"), parentIncludes);
            List<String> excludes = orElse(surefireList(pom, "exclude"), parentExcludes);
            Path tests = dir.resolve("src/test/java");
            for (Path source : testClasses(tests)) {
                Path relative = tests.relativize(source);
                if (!matchesAny(includes, relative) && !matchesAny(excludes, relative)) {
                    missed.add(root.relativize(source).toString());
                }
            }
        }
        return missed;
    }

    private static List<Path> testClasses(Path tests) {
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(tests)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(TestClassCoverage::hasTestMethods)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Abstract classes run through their concrete subclasses, so they need no pattern of their own. */
    private static boolean hasTestMethods(Path source) {
        try {
            String code = Files.readString(source);
            String name = source.getFileName().toString().replace(".java", "");
            return TEST_METHOD.matcher(code).find()
                    && !Pattern.compile("\\babstract\\s+class\\s+" + name + "\\b").matcher(code).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean matchesAny(List<String> patterns, Path relative) {
        for (String pattern : patterns) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            if (matcher.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code <include>} or {@code <exclude>} values of every Surefire plugin entry in the pom. */
    private static List<String> surefireList(Document pom, String tag) {
        List<String> values = new ArrayList<>();
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (texts(plugin, "artifactId").contains("maven-surefire-plugin")) {
                values.addAll(texts(plugin, tag));
            }
        }
        return values;
    }

    private static List<String> texts(Element in, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = in.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            out.add(node.getTextContent().strip());
        }
        return out;
    }

    private static List<String> orElse(List<String> own, List<String> inherited) {
        return own.isEmpty() ? inherited : own;
    }

    private static Document read(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }
}
