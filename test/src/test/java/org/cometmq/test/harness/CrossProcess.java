package org.cometmq.test.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that launches server processes. Such classes are named {@code *IT} and run by failsafe;
 * surefire excludes the tag, so a {@code -Dtest=...} pattern that happens to match them cannot pull them
 * into the in-process run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(CrossProcess.TAG)
public @interface CrossProcess {
    String TAG = "cross-process";
}
