package org.cometmq.store.cleanup;

/**
 * The two disk-usage levels above {@code diskMaxUsedSpaceRatio}, set as in RocketMQ 4.9.7 by JVM system properties
 * (not broker.conf keys), read once when the store starts: above the forced-clean ratio files go before they expire
 * (only files every group has consumed, unless {@code cleanFileForciblyEnable=true}); above the warning ratio the
 * store also refuses writes until usage falls back.
 */
public final class DiskSpaceLevels {

    /** System property of the warning ratio (fraction, default 0.90). */
    public static final String WARNING_LEVEL_PROPERTY = "rocketmq.broker.diskSpaceWarningLevelRatio";
    /** System property of the forced-clean ratio (fraction, default 0.85). */
    public static final String CLEAN_FORCIBLY_PROPERTY = "rocketmq.broker.diskSpaceCleanForciblyRatio";

    private final double warningLevelRatio;
    private final double cleanForciblyRatio;

    public DiskSpaceLevels(double warningLevelRatio, double cleanForciblyRatio) {
        this.warningLevelRatio = warningLevelRatio;
        this.cleanForciblyRatio = cleanForciblyRatio;
    }

    /** The levels from the system properties, 4.9.7's defaults when unset; a value that is no number is refused. */
    public static DiskSpaceLevels fromSystemProperties() {
        return new DiskSpaceLevels(ratio(WARNING_LEVEL_PROPERTY, "0.90"), ratio(CLEAN_FORCIBLY_PROPERTY, "0.85"));
    }

    private static double ratio(String property, String defaultValue) {
        String value = System.getProperty(property, defaultValue).trim();
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + property + "='" + value
                + "' is not a number; expected a fraction such as " + defaultValue, e);
        }
    }

    public double getWarningLevelRatio() {
        return warningLevelRatio;
    }

    public double getCleanForciblyRatio() {
        return cleanForciblyRatio;
    }
}
