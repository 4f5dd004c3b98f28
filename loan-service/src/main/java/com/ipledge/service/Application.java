package com.ipledge.service;

import com.ipledge.service.database.DatabaseChoice;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.util.Map;
import org.slf4j.LoggerFactory;

@OpenAPIDefinition(info = @Info(title = "ipledge", version = "1",
        description = "IP-pledge financing and risk scoring: the integration contract for banks"))
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "ipk_...",
        description = "An API key an administrator issued, sent as `Authorization: Bearer ipk_...`")
public class Application {

    public static void main(String[] args) {
        Map<String, Object> database;
        try {
            database = DatabaseChoice.properties(System.getenv());
        } catch (DatabaseChoice.Refused e) {
            LoggerFactory.getLogger(Application.class).error(e.getMessage());
            System.exit(2);
            return;
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(database)
                .start();
    }
}
