package io.trailcheck.cli;

/** Links to files of the checked-out commit, when running in GitHub Actions. */
final class GitHubLinks {
    private GitHubLinks() {}

    /** {@code https://github.com/owner/repo/blob/<sha>/}, or null outside GitHub Actions. */
    static String blobBase() {
        String server = System.getenv("GITHUB_SERVER_URL");
        String repo = System.getenv("GITHUB_REPOSITORY");
        String sha = System.getenv("GITHUB_SHA");
        if (server == null || repo == null || sha == null) return null;
        return server + "/" + repo + "/blob/" + sha + "/";
    }
}
