package io.omniroute.rules.directory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a directory YAML file:
 *
 * <pre>
 * countries:   [{code: DE, languages: [de], emails: [service@nordwind.de]}]
 * dealers:     [{id: DE-MUC-001, name: Autohaus Muenchen, country: DE, emails: [service@autohaus-muenchen.de]}]
 * expertTeams: [{id: ev-battery, topics: [ev-battery], countries: [DE, AT]}]
 * topics:      [{id: ev-battery, keywords: [battery, charging]}]
 * </pre>
 *
 * Every problem is reported as a {@link DirectoryException} whose message names the file, the
 * entry and what to fix. Stateless and thread-safe.
 */
public final class DirectoryLoader {
  /** The sample directory bundled with the engine, on the class path. */
  public static final String BUNDLED_SAMPLE = "io/omniroute/rules/directory/sample-directory.yaml";

  private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private DirectoryLoader() {}

  /** Loads and validates a directory file. */
  public static Directory load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new DirectoryException("Directory " + file + ": file not found");
    } catch (IOException e) {
      throw new DirectoryException("Directory " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Loads the sample directory bundled on the class path. */
  public static Directory bundledSample() {
    try (InputStream in = DirectoryLoader.class.getClassLoader().getResourceAsStream(BUNDLED_SAMPLE)) {
      if (in == null) {
        throw new DirectoryException("Directory " + BUNDLED_SAMPLE + ": missing from the class path");
      }
      return parse(in, "classpath:" + BUNDLED_SAMPLE);
    } catch (IOException e) {
      throw new DirectoryException("Directory " + BUNDLED_SAMPLE + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses and validates directory YAML; {@code source} names it in error messages. */
  public static Directory parse(InputStream yaml, String source) {
    DirectoryFile file;
    try {
      file = YAML.readValue(yaml, DirectoryFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new DirectoryException(
          "Directory " + source + ": unknown field '" + e.getPropertyName() + "' in " + where(e)
              + ": allowed fields are " + e.getKnownPropertyIds(), e);
    } catch (MismatchedInputException e) {
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content to map")) {
        throw new DirectoryException("Directory " + source + ": the file is empty; it needs at least one country");
      }
      throw new DirectoryException(
          "Directory " + source + ": wrong type in " + where(e) + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new DirectoryException(
          "Directory " + source + ": invalid YAML" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DirectoryException("Directory " + source + ": cannot read: " + e.getMessage(), e);
    }
    if (file == null) {
      throw new DirectoryException("Directory " + source + ": the file is empty; it needs at least one country");
    }
    return new Validator(source, file).validate();
  }

  private static String where(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    int lastDot = path.lastIndexOf(".");
    boolean topLevel = e instanceof UnrecognizedPropertyException && lastDot < 0 && path.indexOf("[") < 0;
    if (topLevel) {
      return "the top level";
    }
    String location = e instanceof UnrecognizedPropertyException && lastDot > 0 ? path.substring(0, lastDot) : path.toString();
    return location.isEmpty() ? "the top level" : location;
  }

  private static String at(JsonLocation location) {
    return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** The raw shape of the file, before validation. */
  record DirectoryFile(
      List<Country> countries, List<Dealer> dealers, List<ExpertTeam> expertTeams, List<Topic> topics) {
    DirectoryFile {
      countries = countries == null ? List.of() : countries;
      dealers = dealers == null ? List.of() : dealers;
      expertTeams = expertTeams == null ? List.of() : expertTeams;
      topics = topics == null ? List.of() : topics;
    }
  }

  private static final class Validator {
    private final String source;
    private final DirectoryFile file;

    Validator(String source, DirectoryFile file) {
      this.source = source;
      this.file = file;
    }

    Directory validate() {
      if (file.countries().isEmpty()) {
        throw problem("countries", "at least one country is required");
      }
      Set<String> countryCodes = new HashSet<>();
      Set<String> phones = new HashSet<>();
      Set<String> addresses = new HashSet<>();
      for (int i = 0; i < file.countries().size(); i++) {
        Country country = file.countries().get(i);
        String entry = entry("countries", i, country == null ? null : country.code());
        require(country != null, entry, "the entry is empty");
        require(country.code() != null && COUNTRY_CODE.matcher(country.code()).matches(),
            entry, "code must be an ISO 3166-1 alpha-2 code such as DE, got '" + country.code() + "'");
        require(countryCodes.add(country.code()), entry, "duplicate country code '" + country.code() + "'");
        requirePhones(country.phones(), entry, phones);
        requireAddresses(country.emails(), entry, addresses);
      }
      Set<String> dealerIds = new HashSet<>();
      for (int i = 0; i < file.dealers().size(); i++) {
        Dealer dealer = file.dealers().get(i);
        String entry = entry("dealers", i, dealer == null ? null : dealer.id());
        require(dealer != null, entry, "the entry is empty");
        requireId(dealer.id(), entry);
        require(dealer.name() != null && !dealer.name().isBlank(), entry, "name is required");
        require(countryCodes.contains(dealer.country()), entry,
            "country '" + dealer.country() + "' is not listed under countries " + countryCodes);
        require(dealerIds.add(dealer.id()), entry, "duplicate dealer id '" + dealer.id() + "'");
        requirePhones(dealer.phones(), entry, phones);
        requireAddresses(dealer.emails(), entry, addresses);
      }
      Set<String> topicIds = new HashSet<>();
      for (int i = 0; i < file.topics().size(); i++) {
        Topic topic = file.topics().get(i);
        String entry = entry("topics", i, topic == null ? null : topic.id());
        require(topic != null, entry, "the entry is empty");
        requireId(topic.id(), entry);
        require(!topic.id().equals("general"), entry, "'general' is reserved for contacts without a topic");
        require(!topic.keywords().isEmpty(), entry, "keywords must list at least one keyword");
        require(topic.keywords().stream().allMatch(k -> k != null && !k.isBlank()), entry,
            "keywords must not be blank");
        require(topicIds.add(topic.id()), entry, "duplicate topic id '" + topic.id() + "'");
      }
      Set<String> teamIds = new HashSet<>();
      for (int i = 0; i < file.expertTeams().size(); i++) {
        ExpertTeam team = file.expertTeams().get(i);
        String entry = entry("expertTeams", i, team == null ? null : team.id());
        require(team != null, entry, "the entry is empty");
        requireId(team.id(), entry);
        require(!team.topics().isEmpty(), entry, "topics must list at least one topic");
        for (String topic : team.topics()) {
          require(topicIds.contains(topic), entry,
              "topic '" + topic + "' is not listed under topics " + topicIds);
        }
        for (String country : team.countries()) {
          require(countryCodes.contains(country), entry,
              "country '" + country + "' is not listed under countries " + countryCodes);
        }
        require(teamIds.add(team.id()), entry, "duplicate expert team id '" + team.id() + "'");
      }
      return new Directory(file.countries(), file.dealers(), file.expertTeams(), file.topics());
    }

    private void requirePhones(List<String> numbers, String entry, Set<String> seen) {
      for (String number : numbers) {
        require(number != null && E164.matcher(number).matches(), entry,
            "phones must be E.164 numbers such as +498912345678, got '" + number + "'");
        require(seen.add(number), entry, "phone " + number + " is listed twice in the directory");
      }
    }

    private void requireAddresses(List<String> emails, String entry, Set<String> seen) {
      for (String email : emails) {
        require(email != null && EMAIL.matcher(email.trim()).matches(), entry,
            "emails must be addresses such as service@dealer.example, got '" + email + "'");
        require(seen.add(Directory.normalAddress(email)), entry,
            "the address '" + email + "' is listed twice in the directory; each address belongs to one dealer or country");
      }
    }

    private void requireId(String id, String entry) {
      require(id != null && ID.matcher(id).matches(), entry,
          "id must be 1-64 letters, digits, '.', '_' or '-', got '" + id + "'");
    }

    private static String entry(String section, int index, String id) {
      return section + "[" + index + "]" + (id == null ? "" : " (" + id + ")");
    }

    private void require(boolean condition, String entry, String message) {
      if (!condition) {
        throw problem(entry, message);
      }
    }

    private DirectoryException problem(String entry, String message) {
      return new DirectoryException("Directory " + source + ": " + entry + ": " + message);
    }
  }

}
