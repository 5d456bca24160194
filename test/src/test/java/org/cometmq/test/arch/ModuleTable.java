package org.cometmq.test.arch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module table of the repository's README ("| module | artifact | depends on | what it holds |"), in
 * table order, and what the poms declare. The README is the one place the allowed graph is written down;
 * {@link ArchitectureTest} holds the poms and the code to it.
 */
final class ModuleTable {
    private static final Pattern MODULE_ELEMENT = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern COMET_ARTIFACT = Pattern.compile("<artifactId>comet-([a-z]+)</artifactId>");

    private final Path root;
    /** Module name to its direct dependencies, in the README's row order. */
    private final Map<String, Set<String>> dependsOn;

    private ModuleTable(Path root, Map<String, Set<String>> dependsOn) {
        this.root = root;
        this.dependsOn = dependsOn;
    }

    /** Reads the README of the repository that holds the working directory (surefire runs in test/). */
    static ModuleTable read() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !read(root.resolve("pom.xml"), "").contains("<modules>")) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("no parent pom.xml with <modules> above " + Path.of("").toAbsolutePath());
        }
        return new ModuleTable(root, parseReadme(read(root.resolve("README.md"))));
    }

    static Map<String, Set<String>> parseReadme(String readme) {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : readme.split("\n")) {
            if (line.startsWith("| module | artifact | depends on |")) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            Set<String> deps = new LinkedHashSet<>();
            for (String dep : cells[3].split(",")) {
                if (!dep.isBlank() && !dep.trim().equals("-")) {
                    deps.add(dep.trim());
                }
            }
            table.put(cells[1].trim(), deps);
        }
        if (table.isEmpty()) {
            throw new IllegalStateException("README.md has no table headed '| module | artifact | depends on |'");
        }
        return table;
    }

    Path root() {
        return root;
    }

    List<String> modules() {
        return new ArrayList<>(dependsOn.keySet());
    }

    Set<String> directDependencies(String module) {
        return dependsOn.getOrDefault(module, Set.of());
    }

    /** The modules {@code module} may use: its dependencies and theirs, transitively. */
    Set<String> reachableFrom(String module) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(directDependencies(module));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(directDependencies(next));
            }
        }
        return seen;
    }

    /** The {@code <module>} entries of the parent pom. */
    Set<String> reactorModules() {
        Set<String> modules = new TreeSet<>();
        Matcher m = MODULE_ELEMENT.matcher(read(root.resolve("pom.xml")));
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }

    /** The CometMQ modules a module's pom names as dependencies, test scope left out. */
    Set<String> pomDependencies(String module) {
        Set<String> deps = new TreeSet<>();
        Matcher dependency = DEPENDENCY.matcher(read(root.resolve(module).resolve("pom.xml")));
        while (dependency.find()) {
            String body = dependency.group(1);
            Matcher artifact = COMET_ARTIFACT.matcher(body);
            if (artifact.find() && !body.contains("<scope>test</scope>")) {
                deps.add(artifact.group(1));
            }
        }
        return Collections.unmodifiableSet(deps);
    }

    private static String read(Path file, String whenMissing) {
        return Files.isRegularFile(file) ? read(file) : whenMissing;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
