package io.quarry.reliability;

import java.util.List;

/**
 * Hostile input for the injection tests: values an attacker types into a form field, and names an
 * attacker puts into a sort or filter parameter of a URL. Immutable.
 *
 * <p>Every entry is distinctive enough that finding it inside SQL text can only mean it was pasted
 * there: no entry is a keyword, a placeholder or a fragment Quarry writes itself. Values hold no NUL
 * character (PostgreSQL cannot store it) and no trailing blank (MySQL's PAD SPACE collations compare
 * {@code 'a '} equal to {@code 'a'}), so each one can be stored and found again as exactly itself.
 */
public final class InjectionCorpus {

    /** Values: quotes, comments, stacked statements, placeholders, dialect quoting, LIKE wildcards, Unicode. */
    public static final List<String> VALUES = List.of(
            "' or '1'='1",
            "' or 1=1 --",
            "'; drop table rel_note; --",
            "\"; drop table rel_note; --",
            "') or ('a'='a",
            "1; delete from rel_note",
            "' union select null, null, null, null --",
            "admin'--",
            "' or ''='",
            "\\'; drop table rel_canary; --",
            "ends with a backslash\\",
            "\\\\' or 1=1 #",
            "' or 1=1 #",
            "'/**/or/**/1=1/**/--",
            "/* ? */ ? :x",
            ":title",
            ":id or 1=1",
            "?1 or ?2",
            "$$; drop table rel_note; $$",
            "$tag$ select 1 $tag$",
            "E'\\x27 or 1=1",
            "'::text || pg_sleep(5) --",
            "' and sleep(5) and '1'='1",
            "%' or '%'='",
            "_%_ wildcards _%_",
            "100% sure_",
            "!%_! escape chars",
            "' || (select version()) || '",
            "' collate utf8mb4_general_ci --",
            "0x27206f7220313d31",
            "char(39)||'or'||char(39)",
            "\u2018 or \u20181\u2019=\u20181",
            "\u02bc or 1=1 --",
            "\uff07 or \uff071\uff07=\uff071",
            "'\n; drop table rel_note;\n--",
            "'\tor\t1=1\t--",
            "'\r\nunion select * from information_schema.tables --",
            "\ud83d\ude00' or '\ud83d\ude00'='\ud83d\ude00",
            "%00' or 1=1",
            "'; shutdown; --",
            "'; set global read_only = 1; --",
            "''''''''",
            "\"quoted\" identifier \"rel_note\"",
            "`; drop table `rel_note`; --",
            "--comment only",
            "1' and extractvalue(1, concat(0x7e, version())) --",
            "'" + "a".repeat(150) + " or 1=1 --",
            "{fn user()}",
            "{call evil_procedure()}",
            "{d '2020-01-01'} or 1=1");

    /** Property names: every one is invalid, so each entry point must refuse it before any SQL runs. */
    public static final List<String> NAMES = List.of(
            "title; drop table rel_note",
            "title --",
            "title)",
            "(select 1)",
            "title desc",
            "title, (select version())",
            "\"title\"",
            "`title`",
            "title/**/",
            "rel_note.title",
            "title or 1=1",
            "case when 1=1 then title else body end",
            "sleep(5)",
            "pg_sleep(5)",
            "title'",
            "ti'tle",
            "title\\",
            "id; delete from rel_note",
            "title asc nulls first",
            ":title",
            "$1 title",
            "TITLE' or '1'='1",
            "information_schema.tables",
            "title collate \"C\"",
            "\ud83d\ude00title",
            "title\u0000",
            "{fn user()}",
            "1 = 1 --");

    private InjectionCorpus() {
    }
}
