package org.cometmq.test.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure rules the build enforces. The allowed module graph is the README's module table;
 * each failure message says what to change. Code shape (method and file length) is checkstyle's job,
 * configured in the parent pom.
 */
class ArchitectureTest {
    private static final Pattern IMPL_PACKAGE = Pattern.compile("org\\.cometmq\\.[a-z]+\\.impl(\\..*)?");

    /**
     * Implementation classes of the client that the admin tools reach, as Apache's tools do. Frozen: a new
     * entry needs a reason; prefer a public API.
     */
    private static final Set<String> TOOLS_MAY_USE_CLIENT_IMPL = Set.of(
        "org.cometmq.client.impl.CommunicationMode",
        "org.cometmq.client.impl.MQAdminExtInner",
        "org.cometmq.client.impl.MQAdminCalls",
        "org.cometmq.client.impl.MQAdminImpl",
        "org.cometmq.client.impl.MQClientAPIImpl",
        "org.cometmq.client.impl.MQClientManager",
        "org.cometmq.client.impl.RpcInvoker",
        "org.cometmq.client.impl.consumer.PullAPIWrapper",
        "org.cometmq.client.impl.factory.MQClientInstance");

    private static ModuleTable table;
    /** Main classes of each Java module, found on this test's class path. */
    private static final Map<String, JavaClasses> CLASSES = new LinkedHashMap<>();
    private static final Map<String, String> MODULE_OF_CLASS = new HashMap<>();

    @BeforeAll
    static void importModules() {
        table = ModuleTable.read();
        Path root = table.root();
        Map<String, List<Location>> locations = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (path.startsWith(root) && !path.startsWith(root.resolve("test"))) {
                String module = root.relativize(path).getName(0).toString();
                locations.computeIfAbsent(module, m -> new ArrayList<>()).add(locationOf(path));
            }
        }
        locations.forEach((module, where) -> {
            JavaClasses classes = new ClassFileImporter().importLocations(where);
            CLASSES.put(module, classes);
            classes.forEach(c -> MODULE_OF_CLASS.put(c.getName(), module));
        });
        assertTrue(CLASSES.keySet().containsAll(List.of("protocol", "remoting", "common", "store", "broker",
                "namesrv", "client")),
            "module classes not found on the class path: " + CLASSES.keySet());
    }

    /** A module's classes are a directory under test, a jar from package on (verify). */
    private static Location locationOf(Path path) {
        if (!path.toString().endsWith(".jar")) {
            return Location.of(path);
        }
        try {
            return Location.of(new JarFile(path.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readmeTableListsEveryModuleAndMatchesThePoms() {
        assertEquals(table.reactorModules(), new TreeSet<>(table.modules()),
            "README.md's module table and the parent pom's <modules> list different modules: add or remove the row");
        List<String> wrong = new ArrayList<>();
        for (String module : table.modules()) {
            Set<String> inReadme = new TreeSet<>(table.directDependencies(module));
            Set<String> inPom = table.pomDependencies(module);
            if (!inReadme.equals(inPom)) {
                wrong.add(module + ": README says " + inReadme + ", " + module + "/pom.xml says " + inPom);
            }
        }
        assertTrue(wrong.isEmpty(), "The README module table's 'depends on' column must list each module's "
            + "non-test CometMQ dependencies exactly; fix the pom or the table:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void dependenciesPointOnlyToModulesListedAbove() {
        List<String> modules = table.modules();
        List<String> wrong = new ArrayList<>();
        for (int row = 0; row < modules.size(); row++) {
            for (String dep : table.directDependencies(modules.get(row))) {
                int depRow = modules.indexOf(dep);
                if (depRow < 0 || depRow >= row) {
                    wrong.add(modules.get(row) + " -> " + dep);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "A module may depend only on modules listed above it in README.md's table "
            + "(no cycles, no upward edges); move the code down or the row up:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void codeUsesOnlyTheModulesItsRowAllows() {
        List<String> wrong = new ArrayList<>();
        CLASSES.forEach((module, classes) -> {
            Set<String> allowed = table.reachableFrom(module);
            forEachCrossModuleDependency(module, classes, (dependency, target) -> {
                if (!allowed.contains(target)) {
                    wrong.add(dependency.getDescription() + " [" + module + " -> " + target + "]");
                }
            });
        });
        assertTrue(wrong.isEmpty(), "Main code may use only its own module and the modules its README row "
            + "reaches; move the class to a lower module or change the table and the pom:\n  " + first(wrong));
    }

    @Test
    void storeAndTheModulesBelowItHaveNoNetty() {
        List<String> nettyFree = new ArrayList<>();
        for (String module : CLASSES.keySet()) {
            if (!module.equals("remoting") && !table.reachableFrom(module).contains("remoting")) {
                nettyFree.add(module);
            }
        }
        assertTrue(nettyFree.containsAll(List.of("protocol", "common", "store")), "netty-free: " + nettyFree);
        for (String module : nettyFree) {
            noClasses().should().dependOnClassesThat().resideInAPackage("io.netty..")
                .because("only modules that serve or call over the network (remoting and those above it) "
                    + "use Netty; module " + module + " must stay free of it (the store writes files, not sockets)")
                .check(CLASSES.get(module));
        }
    }

    @Test
    void implementationPackagesAreUsedOnlyInsideTheirModule() {
        List<String> wrong = new ArrayList<>();
        CLASSES.forEach((module, classes) -> forEachCrossModuleDependency(module, classes, (dependency, target) -> {
            String targetClass = dependency.getTargetClass().getBaseComponentType().getName();
            String targetPackage = dependency.getTargetClass().getBaseComponentType().getPackageName();
            boolean frozenException = module.equals("tools") && TOOLS_MAY_USE_CLIENT_IMPL.contains(targetClass);
            if (IMPL_PACKAGE.matcher(targetPackage).matches() && !frozenException) {
                wrong.add(dependency.getDescription());
            }
        }));
        assertTrue(wrong.isEmpty(), "Classes in org.cometmq.<module>.impl are that module's internals: other "
            + "modules go through its public API (the facades and interfaces outside .impl):\n  " + first(wrong));
    }

    /**
     * A class that takes a clock (a {@link Clock} field) reads the time only from it, so tests can drive its
     * time-based decisions with a fake clock. This holds in every module: the broker, name server and store take
     * theirs from their controllers, the client's producers and consumers theirs from MQClientInstance.
     */
    @Test
    void classesThatTakeAClockDoNotReadTheSystemClock() {
        DescribedPredicate<JavaClass> takesAClock = DescribedPredicate.describe("take a clock",
            c -> hasClockField(c) || c.getEnclosingClass().map(ArchitectureTest::hasClockField).orElse(false));
        for (JavaClasses classes : CLASSES.values()) {
            noClasses().that(takesAClock)
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callConstructor(Date.class)
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .because("a class that is given a clock must read the time from it (clock.millis()), "
                    + "or a test on a fake clock would not control it")
                .allowEmptyShould(true)
                .check(classes);
        }
    }

    /** One clock abstraction: a field named clock is a {@link Clock}, never a LongSupplier or a home-made interface. */
    @Test
    void everyInjectedClockIsAJavaTimeClock() {
        List<String> wrong = new ArrayList<>();
        for (JavaClasses classes : CLASSES.values()) {
            for (JavaClass c : classes) {
                for (JavaField field : c.getFields()) {
                    if (field.getName().equals("clock") && !field.getRawType().isEquivalentTo(Clock.class)) {
                        wrong.add(field.getFullName() + " is a " + field.getRawType().getName());
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "Time is injected as java.time.Clock everywhere (Clock.systemUTC() in "
            + "production, a fake clock in tests); change these fields to java.time.Clock:\n  " + first(wrong));
    }

    @Test
    void brokerProcessorsBuildPlainResponsesThroughResponses() {
        noClasses().that().resideInAPackage("org.cometmq.broker.processor..")
            .and().doNotHaveFullyQualifiedName("org.cometmq.broker.processor.Responses")
            .should().callMethod(RemotingCommand.class, "createResponseCommand", int.class, String.class)
            .because("broker processors answer plain codes through Responses.success()/error()/notSupported(), "
                + "so every processor builds them one way")
            .check(CLASSES.get("broker"));
    }

    /** Declared or inherited: a consume service reads the clock its abstract base holds. */
    private static boolean hasClockField(JavaClass c) {
        for (JavaField field : c.getAllFields()) {
            if (field.getRawType().isEquivalentTo(Clock.class)) {
                return true;
            }
        }
        return false;
    }

    private interface CrossModuleVisitor {
        void visit(Dependency dependency, String targetModule);
    }

    private static void forEachCrossModuleDependency(String module, JavaClasses classes, CrossModuleVisitor visitor) {
        for (JavaClass c : classes) {
            for (Dependency dependency : c.getDirectDependenciesFromSelf()) {
                String target = MODULE_OF_CLASS.get(dependency.getTargetClass().getBaseComponentType().getName());
                if (target != null && !target.equals(module)) {
                    visitor.visit(dependency, target);
                }
            }
        }
    }

    private static String first(List<String> lines) {
        List<String> shown = lines.subList(0, Math.min(lines.size(), 30));
        return String.join("\n  ", shown) + (lines.size() > shown.size() ? "\n  ... " + lines.size() + " in all" : "");
    }
}
