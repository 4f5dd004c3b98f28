package com.ipledge.service.docs;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI document generated from the controllers at build time (micronaut-openapi) and a people-facing
 * reference page drawing it with Swagger UI from its WebJar.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class DocsController {
    static final String OPENAPI_RESOURCE = "classpath:META-INF/swagger/ipledge-1.yml";
    static final String WEBHOOK_SCHEMAS = "classpath:openapi/webhook-schemas.yml";
    static final String WEBHOOKS = "classpath:openapi/webhooks.yml";
    static final String SWAGGER_UI = "/webjars/swagger-ui/5.34.1";

    private final String openApi;

    public DocsController(ResourceResolver resources) {
        this.openApi = ProblemResponses.addTo(withWebhooks(read(resources, OPENAPI_RESOURCE),
                read(resources, WEBHOOK_SCHEMAS), read(resources, WEBHOOKS)));
    }

    /**
     * Issue 21: the generator knows only controllers, so the pushed events are written by hand: their payload
     * schemas go among the generated component schemas, the {@code webhooks} section (OpenAPI 3.1's name for
     * requests the service makes) after the document.
     */
    static String withWebhooks(String generated, String schemas, String webhooks) {
        String marker = "\ncomponents:\n  schemas:\n";
        int at = generated.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("generated OpenAPI document has no component schemas to add to");
        }
        int end = at + marker.length();
        String body = generated.substring(0, end) + schemas + generated.substring(end);
        return (body.endsWith("\n") ? body : body + "\n") + webhooks;
    }

    private static String read(ResourceResolver resources, String resource) {
        try (InputStream in = resources.getResourceAsStream(resource)
                .orElseThrow(() -> new IllegalStateException("OpenAPI document missing: " + resource))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    public String openApi() {
        return openApi;
    }

    @Get(value = "/docs", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> docs() {
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>ipledge API reference</title>
                  <link rel="stylesheet" href="%1$s/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$s/swagger-ui-bundle.js"></script>
                  <script src="/docs/init.js"></script>
                </body>
                </html>
                """.formatted(SWAGGER_UI);
        return HttpResponse.ok(page);
    }

    /** Kept out of the page so that a strict Content-Security-Policy (no inline script) can apply to it. */
    @Get(value = "/docs/init.js", produces = "text/javascript")
    public String init() {
        return "window.ui = SwaggerUIBundle({url: '/openapi.yml', dom_id: '#swagger-ui'});\n";
    }
}
