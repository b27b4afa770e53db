package org.redress.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redress.health.PermissionWatch;
import org.redress.health.Watch;
import org.redress.jira.JiraAccess;
import org.redress.jira.JiraApi;
import org.redress.jira.JiraUnavailableException;
import org.redress.testing.MovableClock;

/** When the access check asks Jira, and what /q/health shows between its answers. */
class JiraAccessStepsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JiraAccess.Filing> FILINGS = List.of(new JiraAccess.Filing("CS", "Task", true,
            "redress.inbox.complaints.jira-project", "redress.inbox.complaints.issue-type"));

    @Test
    void aJiraThatCannotAnswerAtStartIsAskedAgainAtTheNextTickAndOneThatAnsweredOnlyTenMinutesLater() {
        MovableClock clock = new MovableClock();
        PermissionWatch watch = new PermissionWatch(clock);
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger asked = new AtomicInteger();
        JiraAccessSteps steps = new JiraAccessSteps(jira(down, asked, Set.of()), FILINGS, watch, clock);

        assertThatThrownBy(steps::check).isInstanceOf(JiraUnavailableException.class);
        assertThat(watch.describe()).containsEntry("status", "UP").containsEntry("checkedAt", null)
                .containsEntry("lastError", "Jira cannot be reached");

        down.set(false);
        clock.advance(Duration.ofSeconds(30));
        steps.check();
        assertThat(watch.problems()).isEmpty();
        assertThat(watch.describe()).doesNotContainKey("lastError");
        int afterAnswer = asked.get();

        clock.advance(Duration.ofMinutes(9));
        steps.check();
        assertThat(asked.get()).as("not asked again within ten minutes").isEqualTo(afterAnswer);

        clock.advance(Duration.ofMinutes(1));
        down.set(true);
        assertThatThrownBy(steps::check).isInstanceOf(JiraUnavailableException.class);
        assertThat(watch.problems()).as("the last answer stands").isEmpty();
        assertThat(watch.status()).isEqualTo(Watch.Status.UP);
        assertThat(watch.describe()).containsEntry("lastError", "Jira cannot be reached");
    }

    @Test
    void whileSomethingStopsMailJiraIsAskedAtEveryTickSoThatHealthIsUpSoonAfterTheMending() {
        MovableClock clock = new MovableClock();
        PermissionWatch watch = new PermissionWatch(clock);
        Set<String> lacking = new java.util.HashSet<>(Set.of("CREATE_ISSUES"));
        AtomicInteger asked = new AtomicInteger();
        JiraAccessSteps steps = new JiraAccessSteps(jira(new AtomicBoolean(), asked, lacking), FILINGS, watch, clock);

        steps.check();
        assertThat(watch.status()).isEqualTo(Watch.Status.DOWN);
        lacking.clear();
        clock.advance(Duration.ofSeconds(30));
        steps.check();
        assertThat(watch.status()).isEqualTo(Watch.Status.UP);
        assertThat(watch.problems()).isEmpty();
    }

    /**
     * A Jira that grants everything in CS but what {@code lacking} names, and offers Task; or cannot be reached while
     * {@code down}.
     */
    private static JiraApi jira(AtomicBoolean down, AtomicInteger asked, Set<String> lacking) {
        return (JiraApi) Proxy.newProxyInstance(JiraApi.class.getClassLoader(), new Class<?>[] {JiraApi.class},
                (proxy, method, args) -> {
                    asked.incrementAndGet();
                    if (down.get()) {
                        throw new JiraUnavailableException("Jira cannot be reached", null);
                    }
                    return switch (method.getName()) {
                        case "attachmentSettings" -> JSON.createObjectNode().put("enabled", true);
                        case "myPermissions" -> {
                            ObjectNode answer = JSON.createObjectNode();
                            ObjectNode permissions = answer.putObject("permissions");
                            @SuppressWarnings("unchecked")
                            List<String> keys = (List<String>) args[2];
                            keys.forEach(key -> permissions.putObject(key).put("havePermission",
                                    !lacking.contains(key)));
                            yield answer;
                        }
                        case "issueTypes" -> List.of(JSON.createObjectNode().put("name", "Task"));
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
