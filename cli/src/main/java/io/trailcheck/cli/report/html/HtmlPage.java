package io.trailcheck.cli.report.html;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link PageView} as one self-contained HTML file: the stylesheet and script are inlined, and a
 * Content-Security-Policy allows exactly those two (by hash) and nothing from the network. Every value goes
 * through the template engine's HTML escaping.
 */
public final class HtmlPage {
    private static final String BASE = "io/trailcheck/cli/report/html/";
    private static final String CSS = resource("page.css");
    private static final String JS = resource("page.js");
    private static final PebbleEngine ENGINE = engine();

    private HtmlPage() {}

    public static void write(List<ResultDocument> documents, ViewOptions options, Writer out) throws IOException {
        PebbleTemplate template = ENGINE.getTemplate(BASE + "page.peb");
        Map<String, Object> context = new HashMap<>();
        context.put("page", new PageView(documents, options));
        context.put("css", CSS);
        context.put("js", JS);
        context.put("csp", "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(JS)
                + "'; img-src data:; base-uri 'none'; form-action 'none'");
        template.evaluate(out, context);
    }

    private static PebbleEngine engine() {
        ClasspathLoader loader = new ClasspathLoader(HtmlPage.class.getClassLoader());
        return new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
                .strictVariables(true).newLineTrimming(true).cacheActive(true).build();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + BASE + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
