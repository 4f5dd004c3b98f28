package com.ipledge.service;

import com.ipledge.service.database.EmbeddedDatabase;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "ipledge", version = "1",
        description = "IP-pledge financing and risk scoring: the integration contract for banks"))
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(EmbeddedDatabase.startUnlessConfigured(System.getenv()))
                .start();
    }
}
