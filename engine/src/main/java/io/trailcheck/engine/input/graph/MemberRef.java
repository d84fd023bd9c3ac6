package io.trailcheck.engine.input.graph;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.parse.JsonValues;

import java.io.IOException;
import java.util.Locale;

/**
 * A directory object listed as a group member: its id and {@code @odata.type} (user, group, device, …).
 *
 * @param id   the object id
 * @param type the OData type without the "#microsoft.graph." prefix, lower case; null when not exported
 */
public record MemberRef(String id, String type) {

    public boolean isGroup() {
        return isGroup(type);
    }

    /** A user, or an object of unexported type that may be one (resolved against the users export). */
    public boolean mayBeUser() {
        return mayBeUser(type);
    }

    static boolean isGroup(String normalisedType) {
        return "group".equals(normalisedType);
    }

    static boolean mayBeUser(String normalisedType) {
        return normalisedType == null || "user".equals(normalisedType);
    }

    /** Reads the member object the parser is on. */
    public static MemberRef read(JsonParser p, JsonValues values) throws IOException {
        String[] idAndType = new String[2];
        values.fields(p, (field, v) -> {
            if (field.equalsIgnoreCase("id")) idAndType[0] = values.string(v, "id");
            else if (field.equalsIgnoreCase("@odata.type")) idAndType[1] = values.string(v, "@odata.type");
            else JsonValues.skip(v);
        });
        return new MemberRef(idAndType[0], normaliseType(idAndType[1]));
    }

    public static String normaliseType(String odataType) {
        if (odataType == null) return null;
        String t = odataType.toLowerCase(Locale.ROOT);
        int dot = t.lastIndexOf('.');
        return dot >= 0 ? t.substring(dot + 1) : t.replace("#", "");
    }
}
