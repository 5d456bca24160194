package org.cometmq.broker.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Properties;

/**
 * Sets enum-typed settings (flushDiskType, brokerRole, ...) from properties by constant name. The generic
 * properties filler handles only strings, numbers and booleans.
 */
final class EnumProperties {
    private EnumProperties() {
    }

    /**
     * For every public {@code setXxx(SomeEnum)} of {@code bean} whose key is present, sets the named constant.
     *
     * @throws IllegalArgumentException naming the key and the allowed values for an unknown constant
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void apply(Properties properties, Object bean) {
        for (Method method : bean.getClass().getMethods()) {
            String name = method.getName();
            if (!name.startsWith("set") || name.length() < 4 || method.getParameterCount() != 1
                || !method.getParameterTypes()[0].isEnum()) {
                continue;
            }
            String key = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            String value = properties.getProperty(key);
            if (value == null) {
                continue;
            }
            Class<? extends Enum> type = (Class<? extends Enum>) method.getParameterTypes()[0];
            try {
                method.invoke(bean, Enum.valueOf(type, value.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Config key '" + key + "' has value '" + value.trim()
                    + "', expected one of " + Arrays.toString(type.getEnumConstants()), e);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("Config key '" + key + "' could not be set: " + e, e);
            }
        }
    }
}
