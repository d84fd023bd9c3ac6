package io.trailcheck.engine.parse;

/**
 * Hard limits applied through the parsers' own constraints, so hostile input fails fast with a located
 * message instead of exhausting memory or stack.
 *
 * @param maxNestingDepth  deepest nesting of objects/arrays (JSON) or collections (YAML)
 * @param maxStringLength  longest single string value, in characters
 * @param maxYamlAliases   alias references allowed in one YAML document ("billion laughs" guard)
 * @param maxYamlCodePoints largest YAML document, in code points (YAML files are read whole)
 */
public record ParseLimits(int maxNestingDepth, int maxStringLength, int maxYamlAliases, int maxYamlCodePoints) {

    public static final ParseLimits DEFAULT = new ParseLimits(200, 10_000_000, 100, 50 * 1024 * 1024);
}
