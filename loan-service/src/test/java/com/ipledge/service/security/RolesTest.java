package com.ipledge.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The {@code @Secured} constants name exactly the roles there are, each spelled as its enum constant. */
class RolesTest {
    @Test
    void everyRoleHasItsConstantAndNoConstantNamesAMissingRole() throws IllegalAccessException {
        Map<String, String> constants = new TreeMap<>();
        for (Field f : Roles.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.put(f.getName(), (String) f.get(null));
            }
        }
        Map<String, String> roles = Arrays.stream(Role.values())
                .collect(Collectors.toMap(Role::name, Role::name, (a, b) -> a, TreeMap::new));
        assertEquals(roles, constants);
    }
}
