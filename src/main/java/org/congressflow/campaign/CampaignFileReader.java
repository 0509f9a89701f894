package org.congressflow.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and validates a campaign file; nothing is written anywhere. */
public class CampaignFileReader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final CampaignValidator validator = new CampaignValidator();

  public CampaignDefinition read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new InvalidCampaignException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
    }
  }

  /** Parses and validates; throws {@link InvalidCampaignException} with every problem found. */
  public CampaignDefinition parse(String yaml, String source) {
    CampaignDefinition definition;
    try {
      definition = YAML.readValue(yaml, CampaignDefinition.class);
    } catch (JsonProcessingException e) {
      throw new InvalidCampaignException(source, List.of(describe(e)));
    }
    if (definition == null) {
      throw new InvalidCampaignException(source, List.of("the file is empty"));
    }
    List<String> problems = validator.problems(definition);
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException(source, problems);
    }
    return definition;
  }

  private static String describe(JsonProcessingException e) {
    // records are bound after their whole object is read, so a binding error's line is not the field's line
    if (e instanceof UnrecognizedPropertyException unknown) {
      return path(unknown) + ": unknown field '" + unknown.getPropertyName() + "'";
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return path(mapping) + ": " + e.getOriginalMessage().split("\n")[0];
    }
    String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    return "not valid YAML" + line + ": " + e.getOriginalMessage();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
