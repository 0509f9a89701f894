package org.congressflow.campaign;

import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;

/**
 * Reads the one YAML document of a campaign file into a {@link CampaignDefinition}, field by field as SnakeYAML
 * parses it, so that every unknown or repeated field, wrong type and bad date is listed with its path, line and
 * column, not just the first. A value with a problem is left null; {@link Read#hasProblemAt} tells the validator
 * not to call it missing as well. Streaming keeps a national file (tens of MB) within a few hundred MB of memory.
 */
final class CampaignYaml {

  /** The campaign (null when the file has no campaign or is not valid YAML) and the paths of its bad values. */
  record Read(CampaignDefinition campaign, Set<String> badPaths) {

    /** Whether a validator's "path: problem" is about a value (or a part of one) this reading already reported. */
    boolean hasProblemAt(String problem) {
      String path = problem.substring(0, Math.max(problem.indexOf(": "), 0));
      for (int i = 1; i <= path.length(); i++) {
        if ((i == path.length() || path.charAt(i) == '.' || path.charAt(i) == '[')
            && badPaths.contains(path.substring(0, i))) {
          return true;
        }
      }
      return false;
    }
  }

  private static final Map<Class<?>, String> FORMS = Map.of(
      String.class, "a text",
      Integer.class, "a whole number like 41",
      Boolean.class, "true or false",
      LocalDate.class, "a date like 2020-03-31",
      List.class, "a list",
      Map.class, "fields (name: value)");
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
    @Override
    protected RecordShape computeValue(Class<?> form) {
      return RecordShape.of(form);
    }
  };

  private final Iterator<Event> events;
  private final Problems problems;
  private final Set<String> badPaths = new HashSet<>();
  private Event peeked;

  private CampaignYaml(String text, Problems problems) {
    var options = new LoaderOptions();
    options.setCodePointLimit(CampaignText.MAX_BYTES);
    this.events = new Yaml(options).parse(new StringReader(text)).iterator();
    this.problems = problems;
  }

  static Read read(String text, Problems problems) {
    var yaml = new CampaignYaml(text, problems);
    return new Read(yaml.document(), Set.copyOf(yaml.badPaths));
  }

  private CampaignDefinition document() {
    DocumentEndEvent end = null;
    try {
      next(); // stream start
      if (peek() instanceof StreamEndEvent) {
        problems.add("the file is empty");
        return null;
      }
      next(); // document start
      var campaign = (CampaignDefinition) value(CampaignDefinition.class, "");
      end = (DocumentEndEvent) next();
      if (peek() instanceof DocumentStartEvent second) {
        problems.add(Problems.at(line(second.getStartMark()), column(second.getStartMark()))
            + ": a second YAML document begins here; a campaign file holds one campaign (put another in a file"
            + " of its own)");
      } else if (campaign == null && badPaths.isEmpty()) {
        problems.add("the file is empty");
      }
      return campaign;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      if (end != null && end.getExplicit()) {
        problems.add(Problems.at(line(mark), column(mark)) + ": content after the end of the document ('...' on"
            + " line " + line(end.getStartMark()) + "); a campaign file holds one document, remove what follows");
      } else {
        problems.add("not valid YAML (" + Problems.at(line(mark), column(mark)) + "): " + e.getProblem()
            + (e.getContext() == null ? "" : " (" + e.getContext() + ")"));
      }
      return null;
    } catch (YAMLException e) {
      problems.add("not valid YAML: " + e.getMessage());
      return null;
    }
  }

  private Object value(Type type, String path) {
    Event event = next();
    Class<?> form = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (event instanceof AliasEvent) {
      return wrong(path, event, "the value written out (aliases like *name are not read)");
    }
    if (event instanceof ScalarEvent scalar && scalar.getImplicit().canOmitTagInPlainScalar()
        && NULLS.contains(scalar.getValue())) {
      return null;
    }
    if (form.isRecord()) {
      return event instanceof MappingStartEvent ? record(form, path) : wrong(path, event, FORMS.get(Map.class));
    }
    if (form == List.class) {
      return event instanceof SequenceStartEvent ? list(typeArgument(type, 0), path)
          : wrong(path, event, FORMS.get(form));
    }
    if (form == Map.class) {
      return event instanceof MappingStartEvent
          ? fields(path, name -> typeArgument(type, 1), List.of())
          : wrong(path, event, FORMS.get(form));
    }
    return event instanceof ScalarEvent scalar ? scalar(form, path, scalar) : wrong(path, event, FORMS.get(form));
  }

  private Object record(Class<?> form, String path) {
    RecordShape shape = SHAPES.get(form);
    Map<String, Object> values = fields(path, shape.types::get, shape.types.keySet());
    try {
      return shape.constructor.newInstance(shape.types.keySet().stream().map(values::get).toArray());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build " + form.getSimpleName(), e);
    }
  }

  /** A record's fields in order, with their types, and its canonical constructor; looked up once per record. */
  private record RecordShape(Map<String, Type> types, Constructor<?> constructor) {

    static RecordShape of(Class<?> form) {
      Map<String, Type> types = new LinkedHashMap<>();
      Arrays.stream(form.getRecordComponents()).forEach(c -> types.put(c.getName(), c.getGenericType()));
      try {
        return new RecordShape(types, form.getDeclaredConstructor(
            Arrays.stream(form.getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new)));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(form + " has no canonical constructor", e);
      }
    }
  }

  /**
   * A mapping's fields, each name once: its value's type from {@code typeOf}, null for a name not among
   * {@code known} (empty: any name).
   */
  private Map<String, Object> fields(String path, Function<String, Type> typeOf, Collection<String> known) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    while (!(peek() instanceof MappingEndEvent)) {
      Event key = next();
      if (!(key instanceof ScalarEvent name)) {
        wrong(path, key, "a field name");
        skipValue();
        continue;
      }
      String fieldPath = path.isEmpty() ? name.getValue() : path + "." + name.getValue();
      Integer first = firstLine.putIfAbsent(name.getValue(), line(key.getStartMark()));
      if (first != null) {
        problems.add(fieldPath + " (" + at(key) + ")", "given twice (first on line " + first + ")");
        skipValue();
      } else if (typeOf.apply(name.getValue()) == null) {
        problems.add(fieldPath + " (" + at(key) + ")", "unknown field '" + name.getValue() + "' (the fields here: "
            + String.join(", ", known) + ")");
        skipValue();
      } else {
        values.put(name.getValue(), value(typeOf.apply(name.getValue()), fieldPath));
      }
    }
    next(); // mapping end
    return values;
  }

  private List<Object> list(Type elementType, String path) {
    var list = new ArrayList<>();
    while (!(peek() instanceof SequenceEndEvent)) {
      list.add(value(elementType, path + "[" + list.size() + "]"));
    }
    next(); // sequence end
    return list;
  }

  private Object scalar(Class<?> form, String path, ScalarEvent scalar) {
    String text = scalar.getValue();
    try {
      if (form == Integer.class) {
        return Integer.valueOf(text);
      }
      if (form == LocalDate.class) {
        return LocalDate.parse(text);
      }
      if (form == Boolean.class) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          return wrong(path, scalar, FORMS.get(form));
        }
        return Boolean.valueOf(text);
      }
      return text;
    } catch (RuntimeException e) {
      return wrong(path, scalar, FORMS.get(form));
    }
  }

  /** Reports a value not of the expected form and skips it; the value is read as null. */
  private Object wrong(String path, Event event, String expected) {
    badPaths.add(path);
    String found = event instanceof ScalarEvent scalar ? "'" + scalar.getValue() + "'"
        : event instanceof SequenceStartEvent ? "a list"
        : event instanceof MappingStartEvent ? "fields" : "an alias";
    problems.add((path.isEmpty() ? "the file" : path) + " (" + at(event) + ")", "expected " + expected + ", not "
        + found);
    skip(event);
    return null;
  }

  private void skipValue() {
    skip(next());
  }

  /** Skips the rest of a value whose first event was read. */
  private void skip(Event first) {
    int depth = first instanceof MappingStartEvent || first instanceof SequenceStartEvent ? 1 : 0;
    while (depth > 0) {
      Event event = next();
      if (event instanceof MappingStartEvent || event instanceof SequenceStartEvent) {
        depth++;
      } else if (event instanceof MappingEndEvent || event instanceof SequenceEndEvent) {
        depth--;
      }
    }
  }

  private Event next() {
    Event event = peek();
    peeked = null;
    return event;
  }

  private Event peek() {
    if (peeked == null) {
      peeked = events.next();
    }
    return peeked;
  }

  private static Type typeArgument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }

  private static String at(Event event) {
    return Problems.at(line(event.getStartMark()), column(event.getStartMark()));
  }

  private static int line(Mark mark) {
    return mark.getLine() + 1;
  }

  private static int column(Mark mark) {
    return mark.getColumn() + 1;
  }
}
