package io.omniroute.engine.api;

import io.omniroute.engine.http.Callers;
import io.omniroute.engine.http.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.engine.contact.ContactRequests;
import io.omniroute.engine.rules.AuditEntry;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.engine.rules.RuleVersion;
import io.omniroute.engine.rules.RuleVersionNotFoundException;
import io.omniroute.engine.rules.RulesService;
import io.omniroute.engine.rules.Simulation;
import io.omniroute.rules.Decision;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Handlers for {@code /v1/rules} and {@code /v1/audit}: what supervisors do with rules. Compiling
 * and simulating run on worker threads inside {@link RulesService}. Stateless, shared by verticles.
 */
public final class RulesApi {
  static final int DEFAULT_AUDIT_LIMIT = 100;
  private final RulesService rules;
  private final RecentContacts recent;
  private final Directory directory;
  private final ContactResolver resolver;

  public RulesApi(RulesService rules, RecentContacts recent, Directory directory) {
    this.rules = rules;
    this.recent = recent;
    this.directory = directory;
    this.resolver = new ContactResolver(directory);
  }

  void list(RoutingContext ctx) {
    Map<String, String> inForce = rules.current().versions();
    rules.active()
        .onSuccess(active -> {
          JsonArray scopes = new JsonArray();
          active.forEach((scope, version) -> scopes.add(new JsonObject()
              .put("scope", scope).put("activeVersion", version).put("inForce", inForce.get(scope))));
          Responses.json(ctx, 200, new JsonObject().put("scopes", scopes));
        })
        .onFailure(ctx::fail);
  }

  void versions(RoutingContext ctx, String scope) {
    rules.active().compose(active -> rules.versions(scope).map(versions -> {
      Integer activeVersion = active.get(scope);
      JsonArray list = new JsonArray();
      versions.forEach(version -> list.add(versionJson(version, activeVersion)));
      return new JsonObject().put("scope", scope).put("activeVersion", activeVersion).put("versions", list);
    })).onSuccess(body -> Responses.json(ctx, 200, body)).onFailure(ctx::fail);
  }

  void version(RoutingContext ctx, String scope) {
    int number = RequestParameters.of(ctx).integer("version").orElseThrow();
    rules.active().compose(active -> rules.version(scope, number).map(found -> found
            .map(version -> versionJson(version, active.get(scope)).put("text", version.text()))
            .orElseThrow(() -> new RuleVersionNotFoundException(scope, number))))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  void validate(RoutingContext ctx, String scope) {
    rules.validate(scope, ContractValidation.body(ctx).get("text").asText())
        .onSuccess(problems -> {
          JsonArray list = new JsonArray();
          problems.forEach(p -> list.add(new JsonObject().put("line", p.line()).put("column", p.column())
              .put("message", p.message())));
          Responses.json(ctx, 200, new JsonObject().put("valid", problems.isEmpty()).put("problems", list));
        })
        .onFailure(ctx::fail);
  }

  void save(RoutingContext ctx, String scope) {
    JsonNode body = ContractValidation.body(ctx);
    rules.save(scope, body.get("text").asText(), Callers.of(ctx).name(), body.path("comment").asText(""))
        .onSuccess(saved -> {
          ctx.response().putHeader("Location", "/v1/rules/" + scope + "/versions/" + saved.version());
          Responses.json(ctx, 201, versionJson(saved, null));
        })
        .onFailure(ctx::fail);
  }

  void activate(RoutingContext ctx, String scope) {
    JsonNode body = ContractValidation.body(ctx);
    int version = body.get("version").intValue();
    rules.activate(scope, version, Callers.of(ctx).name(), body.path("comment").asText(""))
        .onSuccess(book -> Responses.json(ctx, 200, new JsonObject()
            .put("scope", scope).put("activeVersion", version).put("inForce", new JsonObject(new LinkedHashMap<>(book.versions())))))
        .onFailure(ctx::fail);
  }

  void simulate(RoutingContext ctx, String scope) {
    JsonNode body = ContractValidation.body(ctx);
    boolean hasText = body.has("text");
    boolean hasContacts = body.has("contacts");
    List<RecentContacts.Seen> contacts = hasContacts ? given(body.get("contacts")) : recent.last(body.get("lastSeen").intValue());
    int version = body.path("version").intValue();
    Future<RuleVersion> draft = hasText
        ? Future.succeededFuture(null)
        : rules.version(scope, version).map(found -> found.orElseThrow(
            () -> new RuleVersionNotFoundException(scope, version)));
    draft.compose(saved -> saved == null
            ? rules.simulate(scope, RulesService.draftLabel(scope), body.get("text").asText(), contacts)
            : rules.simulate(scope, saved.label(), saved.text(), contacts))
        .onSuccess(simulation -> Responses.json(ctx, 200, simulationJson(simulation)))
        .onFailure(ctx::fail);
  }

  void audit(RoutingContext ctx) {
    int limit = RequestParameters.of(ctx).integer("limit").orElse(DEFAULT_AUDIT_LIMIT);
    rules.audit(limit)
        .onSuccess(entries -> {
          JsonArray list = new JsonArray();
          for (int i = entries.size() - 1; i >= 0; i--) {
            AuditEntry entry = entries.get(i);
            list.add(new JsonObject().put("at", entry.at().toString()).put("actor", entry.actor())
                .put("action", entry.action()).put("scope", entry.scope()).put("version", entry.version())
                .put("comment", entry.comment()));
          }
          Responses.json(ctx, 200, new JsonObject().put("entries", list));
        })
        .onFailure(ctx::fail);
  }

  /**
   * A handler of {@code /v1/rules/{scope}/...} that runs {@code handler} with the request's scope,
   * or answers 404 for a country the directory does not know.
   */
  Handler<RoutingContext> inScope(BiConsumer<RoutingContext, String> handler) {
    return ctx -> {
      String scope = ctx.pathParam("scope");
      if (RuleBook.GLOBAL.equals(scope) || directory.hasCountry(scope)) {
        handler.accept(ctx, scope);
        return;
      }
      List<String> known = new ArrayList<>();
      directory.countries().forEach(country -> known.add(country.code()));
      Problem.send(ctx, 404, "Scope not found", "No rule scope '" + scope + "': use 'global' or a country of the"
          + " directory (" + String.join(", ", known) + ").");
    };
  }

  private List<RecentContacts.Seen> given(JsonNode contacts) {
    List<RecentContacts.Seen> seen = new ArrayList<>(contacts.size());
    for (JsonNode contact : contacts) {
      seen.add(new RecentContacts.Seen(null, resolver.resolve(ContactRequests.toContact(contact))));
    }
    return seen;
  }

  private static JsonObject versionJson(RuleVersion version, Integer activeVersion) {
    return new JsonObject()
        .put("scope", version.scope())
        .put("version", version.version())
        .put("label", version.label())
        .put("author", version.author())
        .put("savedAt", version.savedAt().toString())
        .put("comment", version.comment())
        .put("active", activeVersion != null && activeVersion == version.version());
  }

  private static JsonObject simulationJson(Simulation simulation) {
    JsonArray results = new JsonArray();
    for (int i = 0; i < simulation.outcomes().size(); i++) {
      Simulation.Outcome outcome = simulation.outcomes().get(i);
      JsonObject result = new JsonObject().put("index", i);
      if (outcome.id() != null) {
        result.put("id", outcome.id());
      }
      result.put("channel", outcome.contact().getChannel().wireName());
      if (outcome.contact().getCountry() != null) {
        result.put("country", outcome.contact().getCountry());
      }
      if (outcome.contact().getDealerId() != null) {
        result.put("dealerId", outcome.contact().getDealerId());
      }
      results.add(result.put("moved", outcome.moved())
          .put("active", decisionJson(outcome.active()))
          .put("draft", decisionJson(outcome.draft())));
    }
    JsonArray moves = new JsonArray();
    simulation.moves().forEach(move -> moves.add(
        new JsonObject().put("from", move.from()).put("to", move.to()).put("count", move.count())));
    return new JsonObject()
        .put("scope", simulation.scope())
        .put("active", new JsonObject(new LinkedHashMap<>(simulation.activeVersions())))
        .put("draft", simulation.draftVersion())
        .put("contacts", simulation.outcomes().size())
        .put("moved", simulation.movedCount())
        .put("summary", new JsonArray(simulation.summary()))
        .put("moves", moves)
        .put("results", results);
  }

  private static JsonObject decisionJson(Decision decision) {
    return new JsonObject()
        .put("queue", decision.route().queue())
        .put("level", decision.route().level().name())
        .put("priority", decision.route().priority())
        .put("classification", ContactJson.classification(decision))
        .put("rulesVersion", decision.rulesVersion())
        .put("fallback", decision.fallback())
        .put("trace", new JsonArray(decision.trace()));
  }
}
