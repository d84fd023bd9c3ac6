package io.trailcheck.engine.input;

// layout checked against:
//   microsoft/Power-CAT-Copilot-Studio-Kit: AgentReviewTool/SolutionPackage/src/bots/cr306_agentReviewer/{bot.xml,configuration.json}
//   microsoft/Power-CAT-Copilot-Studio-Kit: CopilotStudioAccelerator/SolutionPackage/src/bots/cre74_adaptiveCardBot/{bot.xml,configuration.json}
//   Azure-Samples/Copilot-Studio-with-Azure-AI-Search: src/powerplatform/copilot_studio_gold_agent/bots/crf6d_aiSearchConnectionExample/{bot.xml,configuration.json}

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.YamlNodes;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.text.SafeText;
import io.trailcheck.model.SourceLocation;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An unpacked solution export ({@code pac solution unpack}): {@code bots/<schemaname>/bot.xml}, a
 * {@code <bot schemaname="...">} root whose children hold the Dataverse columns as text (picklists as
 * integers), and the sibling {@code configuration.json} ({@code $kind: BotConfiguration}) holding the channels.
 */
final class SolutionBotReader implements InputReader {
    private static final Map<String, String> SCALARS = Map.of(
            "schemaname", AgentFields.SCHEMA_NAME,
            "name", AgentFields.DISPLAY_NAME,
            "authenticationmode", AgentFields.AUTHENTICATION_MODE,
            "authenticationtrigger", AgentFields.AUTHENTICATION_TRIGGER,
            "accesscontrolpolicy", AgentFields.ACCESS_CONTROL_POLICY);
    private static final String GROUPS = "authorizedsecuritygroupids";

    private final JsonFiles json;
    private final XMLInputFactory xml = secureFactory();

    SolutionBotReader(JsonFiles json) {
        this.json = json;
    }

    @Override
    public int read(Path botXml, Intake intake) {
        Optional<AgentDraft> draft = readBot(botXml, intake);
        if (draft.isEmpty()) return 0;
        Path configuration = botXml.resolveSibling("configuration.json");
        if (Files.isRegularFile(configuration)) draft.get().channels = channels(configuration, intake);
        intake.agents.add(draft.get());
        return 1;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    private Optional<AgentDraft> readBot(Path file, Intake intake) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = xml.createXMLStreamReader(in);
            try {
                return root(file, r, intake);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            intake.problems.add(malformed(file, e));
        } catch (IOException e) {
            intake.problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private Optional<AgentDraft> root(Path file, XMLStreamReader r, Intake intake) throws XMLStreamException {
        if (!firstElement(file, r, intake)) return Optional.empty();
        SourceLocation at = here(file, r);
        if (!r.getLocalName().equalsIgnoreCase("bot")) {
            intake.problems.add(new Problem(file, at.line(), at.column(),
                    "expected a <bot> root element, found <" + r.getLocalName() + ">"));
            return Optional.empty();
        }
        AgentDraft draft = new AgentDraft(file, true, at);
        draft.set(AgentFields.SCHEMA_NAME, blankToNull(limited(file, r, r.getAttributeValue(null, "schemaname"), intake)), at);
        Map<String, SourceLocation> seen = new java.util.HashMap<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) child(file, r, draft, seen, intake);
        trailing(file, r, intake);
        if (draft.get(AgentFields.SCHEMA_NAME) == null) draft.set(AgentFields.SCHEMA_NAME, folderSchema(file), at);
        if (draft.get(AgentFields.SCHEMA_NAME) == null) {
            intake.problems.add(new Problem(file, at.line(), at.column(),
                    "no schemaname: expected <bot schemaname=\"...\"> in bots/<schemaname>/bot.xml"));
            return Optional.empty();
        }
        return Optional.of(draft);
    }

    /** Moves to the root element; a DOCTYPE is refused before anything it declares is used. */
    private static boolean firstElement(Path file, XMLStreamReader r, Intake intake) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) return true;
            if (event == XMLStreamConstants.DTD) {
                SourceLocation at = here(file, r);
                intake.problems.add(new Problem(file, at.line(), at.column(),
                        "malformed XML: a DOCTYPE is not allowed in bot.xml (pac solution unpack writes none)"));
                return false;
            }
        }
        intake.problems.add(Problem.inFile(file, "malformed XML: no root element"));
        return false;
    }

    /** One column; a column given twice (in any letter case) is ambiguous, so it is a problem, not a choice. */
    private void child(Path file, XMLStreamReader r, AgentDraft draft, Map<String, SourceLocation> seen, Intake intake)
            throws XMLStreamException {
        String name = r.getLocalName().toLowerCase(Locale.ROOT);
        SourceLocation at = here(file, r);
        String field = SCALARS.get(name);
        if (field == null && !name.equals(GROUPS)) {
            skip(r);
            return;
        }
        SourceLocation first = seen.putIfAbsent(name, at);
        if (first != null) {
            intake.problems.add(new Problem(file, at.line(), at.column(), "duplicate element <" + SafeText.excerpt(r.getLocalName(), 60)
                    + ">: also given at line " + first.line() + " (element names are compared without letter case)"));
            skip(r);
            return;
        }
        String text = limited(file, r, text(r, json.maxStringLength() + 1), intake);
        if (field != null) draft.set(field, blankToNull(text), at);
        else groups(draft, text, at);
    }

    /** Only comments, processing instructions and white space may follow the root element. */
    private static void trailing(Path file, XMLStreamReader r, Intake intake) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            boolean content = event == XMLStreamConstants.START_ELEMENT
                    || (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && !r.isWhiteSpace();
            if (content) {
                SourceLocation at = here(file, r);
                intake.problems.add(new Problem(file, at.line(), at.column(), "malformed XML: content after the end of the <bot> element"));
                return;
            }
        }
    }

    /** The {@code --max-string-length} limit, as for JSON and YAML; null when the text is too long. */
    private String limited(Path file, XMLStreamReader r, String text, Intake intake) {
        if (text == null || text.length() <= json.maxStringLength()) return text;
        SourceLocation at = here(file, r);
        intake.problems.add(new Problem(file, at.line(), at.column(),
                "text longer than --max-string-length (" + json.maxStringLength() + " characters)"));
        return null;
    }

    private static void groups(AgentDraft draft, String list, SourceLocation at) {
        if (list.isEmpty()) return;
        draft.authorizedGroupIds = YamlNodes.splitCommaList(list);
        draft.locations.put(AgentFields.AUTHORIZED_GROUPS, at);
    }

    /**
     * The text of the current element (at most {@code max} characters kept), ending on its END_ELEMENT;
     * nested elements contribute nothing.
     */
    private static String text(XMLStreamReader r, int max) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            else if (depth == 1 && r.isCharacters() && sb.length() < max) {
                sb.append(r.getTextCharacters(), r.getTextStart(), Math.min(r.getTextLength(), max - sb.length()));
            }
        }
        return sb.toString().trim();
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    private static String folderSchema(Path file) {
        Path folder = file.getParent();
        Path bots = folder == null ? null : folder.getParent();
        if (bots == null || bots.getFileName() == null) return null;
        return bots.getFileName().toString().equalsIgnoreCase("bots") ? folder.getFileName().toString() : null;
    }

    private List<AgentDraft.ChannelDraft> channels(Path file, Intake intake) {
        JsonValues values = new JsonValues(file, intake.problems);
        List<AgentDraft.ChannelDraft> out = new ArrayList<>();
        try (JsonParser p = json.open(file)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                values.report(p, "expected the bot configuration as a JSON object");
                return null;
            }
            values.fields(p, (name, v) -> {
                if (name.equals("channels")) values.objects(v, "channels", c -> channel(file, c, values, intake, out));
                else JsonValues.skip(v);
            });
            return out;
        } catch (JsonProcessingException e) {
            intake.problems.add(JsonFiles.problem(file, e));
        } catch (IOException e) {
            intake.problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    private static void channel(Path file, JsonParser p, JsonValues values, Intake intake,
                                List<AgentDraft.ChannelDraft> out) throws IOException {
        SourceLocation at = JsonFiles.here(file, p);
        String[] id = {null};
        values.fields(p, (name, v) -> {
            if (name.equals("channelId")) id[0] = values.string(v, "channels[].channelId");
            else JsonValues.skip(v);
        });
        if (id[0] != null && !id[0].isBlank()) {
            out.add(new AgentDraft.ChannelDraft(id[0].trim(), at));
            return;
        }
        intake.problems.add(new Problem(file, at.line(), at.column(), "channels[]: expected an entry with a channelId"));
    }

    private static SourceLocation here(Path file, XMLStreamReader r) {
        Location l = r.getLocation();
        return SourceLocation.of(file, l.getLineNumber(), l.getColumnNumber());
    }

    private static Problem malformed(Path file, XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int cut = message.indexOf("Message: ");
        if (cut >= 0) message = message.substring(cut + "Message: ".length());
        message = SafeText.excerpt(message, 200);
        Location l = e.getLocation();
        return l == null ? Problem.inFile(file, "malformed XML: " + message)
                : new Problem(file, Math.max(0, l.getLineNumber()), Math.max(0, l.getColumnNumber()), "malformed XML: " + message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
