package org.cometmq.test.api;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The public API of an Apache RocketMQ jar as CometMQ must mirror it: every public class, and every public or
 * protected method and constructor, each named with {@code org.apache.rocketmq} mapped to {@code org.cometmq}
 * (in the class and in every parameter and return type). {@link #missingIn} lists the members CometMQ lacks.
 */
final class ApiSurface {
    static final String APACHE = "org.apache.rocketmq.";
    static final String COMET = "org.cometmq.";

    private ApiSurface() {
    }

    /** Maps an Apache type name to CometMQ's ({@code org.apache.rocketmq.x.Y} -> {@code org.cometmq.x.Y}). */
    static String map(String typeName) {
        return typeName.replace(APACHE, COMET);
    }

    /** The public classes of the jar that holds {@code anchor}, outer classes before nested ones. */
    static List<Class<?>> publicClasses(Class<?> anchor) throws IOException, URISyntaxException {
        Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.contains("-") || name.startsWith("META-INF")) {
                    continue;
                }
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                Class<?> cls = load(className, anchor.getClassLoader());
                if (cls != null && isVisible(cls)) {
                    classes.add(cls);
                }
            }
        }
        classes.sort((a, b) -> a.getName().compareTo(b.getName()));
        return classes;
    }

    private static Class<?> load(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Public, not anonymous or local, and (if nested) inside public classes only. */
    private static boolean isVisible(Class<?> cls) {
        for (Class<?> c = cls; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    /**
     * What CometMQ lacks of the given Apache classes: {@code class C} for a missing class, else
     * {@code C#name(params)returnType} / {@code C#<init>(params)} for each missing member (all names mapped).
     */
    static Set<String> missingIn(List<Class<?>> apacheClasses, ClassLoader cometLoader) {
        Set<String> missing = new TreeSet<>();
        for (Class<?> apache : apacheClasses) {
            String cometName = map(apache.getName());
            Class<?> comet = load(cometName, cometLoader);
            if (comet == null) {
                missing.add("class " + cometName);
                continue;
            }
            Set<String> cometMembers = members(comet);
            for (String member : apiMembers(apache)) {
                String mapped = map(member);
                if (!cometMembers.contains(mapped)) {
                    missing.add(cometName + "#" + mapped);
                }
            }
        }
        return missing;
    }

    /** Public and protected members an application can call or override, declared by the class itself. */
    static Set<String> apiMembers(Class<?> cls) {
        Set<String> result = new TreeSet<>();
        for (Method m : cls.getDeclaredMethods()) {
            if (isApi(m) && !m.isBridge() && !isEnumBoilerplate(cls, m)) {
                result.add(signature(m));
            }
        }
        if (!cls.isEnum()) {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (isApi(c)) {
                    result.add(signature(c));
                }
            }
        }
        return result;
    }

    /**
     * The Apache types (from any Apache jar) that the API members and supertypes of {@code cls} mention: an
     * application holding the class handles these too, so they must exist with their own API.
     */
    static Set<Class<?>> referencedApacheTypes(Class<?> cls) {
        Set<Class<?>> result = new HashSet<>();
        List<Class<?>> mentioned = new ArrayList<>();
        mentioned.add(cls.getSuperclass());
        mentioned.addAll(Arrays.asList(cls.getInterfaces()));
        for (Method m : cls.getDeclaredMethods()) {
            if (isApi(m) && !m.isBridge()) {
                mentioned.add(m.getReturnType());
                mentioned.addAll(Arrays.asList(m.getParameterTypes()));
            }
        }
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (isApi(c)) {
                mentioned.addAll(Arrays.asList(c.getParameterTypes()));
            }
        }
        for (Class<?> type : mentioned) {
            while (type != null && type.isArray()) {
                type = type.getComponentType();
            }
            if (type != null && type.getName().startsWith(APACHE) && isVisible(type)) {
                result.add(type);
            }
        }
        return result;
    }

    /** Every public or protected member the class has, declared or inherited (so a method may move up). */
    private static Set<String> members(Class<?> cls) {
        Set<String> result = new HashSet<>();
        for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (isApi(m)) {
                    result.add(signature(m));
                }
            }
        }
        for (Method m : cls.getMethods()) {
            result.add(signature(m));
        }
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (isApi(c)) {
                result.add(signature(c));
            }
        }
        return result;
    }

    private static boolean isApi(Executable e) {
        int modifiers = e.getModifiers();
        return !e.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }

    private static boolean isEnumBoilerplate(Class<?> cls, Method m) {
        return cls.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"))
            && Modifier.isStatic(m.getModifiers());
    }

    static String signature(Method m) {
        return m.getName() + params(m) + m.getReturnType().getTypeName();
    }

    static String signature(Constructor<?> c) {
        return "<init>" + params(c);
    }

    private static String params(Executable e) {
        return Arrays.stream(e.getParameterTypes()).map(Class::getTypeName)
            .collect(Collectors.joining(",", "(", ")"));
    }
}
