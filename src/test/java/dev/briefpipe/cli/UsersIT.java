package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code briefpipe users}, as an operator runs it: a real process, the password from the environment or stdin. */
class UsersIT {
    private static final Path LAUNCHER = Path.of("target", "briefpipe").toAbsolutePath();

    @TempDir
    Path dir;

    private record Ran(int code, String output) {}

    @Test
    void anOperatorAddsListsChangesTheirPasswordsAndRolesAndRemovesUsersAndANameTakenInAnyCaseIsRefused()
            throws Exception {
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        Ran none = run(p, null, null, "users", "list");
        assertThat(none.code()).isZero();
        assertThat(none.output()).contains("사용자 없음");

        Ran shortOne = run(p, "short", null, "users", "add", "kim", "--role", "approver");
        assertThat(shortOne.code()).isEqualTo(2);
        assertThat(shortOne.output()).contains("10자 이상");

        Ran added = run(p, "a-long-enough-one", null, "users", "add", "kim", "--role", "approver");
        assertThat(added.code()).as(added.output()).isZero();
        assertThat(added.output()).contains("kim(승인자)");

        Ran again = run(p, "a-long-enough-one", null, "users", "add", "KIM", "--role", "admin");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.output()).contains("사용자 kim은(는) 이미 있습니다", "users passwd kim");

        Ran list = run(p, null, null, "users", "list");
        assertThat(list.output()).contains("kim", "승인자").doesNotContain("KIM", "관리자");

        Ran changed = run(p, null, "another-long-one\n", "users", "passwd", "kim");
        assertThat(changed.code()).as(changed.output()).isZero();
        assertThat(changed.output()).contains("kim의 비밀번호를 바꿨습니다");

        // Another role, always named: a forgotten --role would have made kim an analyst.
        Ran unnamed = run(p, null, null, "users", "role", "kim");
        assertThat(unnamed.code()).isEqualTo(2);
        assertThat(unnamed.output()).contains("--role");
        Ran role = run(p, null, null, "users", "role", "kim", "--role", "operator");
        assertThat(role.code()).as(role.output()).isZero();
        assertThat(role.output()).contains("kim의 역할을 운영자(으)로 바꿨습니다");
        assertThat(run(p, null, null, "users", "list").output()).contains("운영자").doesNotContain("승인자");
        assertThat(run(p, null, null, "users", "role", "nobody", "--role", "admin")
                        .code())
                .isEqualTo(2);

        assertThat(run(p, null, null, "users", "remove", "nobody").code()).isEqualTo(2);
        assertThat(run(p, null, null, "users", "remove", "kim").code()).isZero();
        assertThat(run(p, null, null, "users", "list").output()).contains("사용자 없음");
    }

    /** Runs the launcher in the project with BRIEFPIPE_PASSWORD set (unless null) and {@code stdin} typed. */
    private static Ran run(SampleProject project, String password, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", project.config().toString()));
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(project.root().toFile()).redirectErrorStream(true);
        pb.environment().remove("BRIEFPIPE_PASSWORD");
        if (password != null) {
            pb.environment().put("BRIEFPIPE_PASSWORD", password);
        }
        Process proc = pb.start();
        try (OutputStream in = proc.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(proc.waitFor(), output);
    }
}
