// Calendar arithmetic and ISO 8601 parsing.
#include "annals/core/date.hpp"

#include <catch2/catch.hpp>

using namespace annals;

TEST_CASE("core: parse_iso_datetime reads dates and date-times", "[core][date]") {
    const auto d = parse_iso_datetime("2021-06-30");
    REQUIRE(d);
    CHECK(d->date == CivilDate{2021, 6, 30});
    CHECK_FALSE(d->hour);

    const auto t = parse_iso_datetime("1998-01-08T18:30");
    REQUIRE(t);
    CHECK(t->date == CivilDate{1998, 1, 8});
    CHECK(t->hour == 18);
    CHECK(t->minute == 30);
    CHECK_FALSE(t->second);

    const auto s = parse_iso_datetime("1998-02-06T22:19:00");
    REQUIRE(s);
    CHECK(s->second == 0);

    for (const char* ok :
         {"2021-06-30 10:00", "2021-06-30T10:00:59Z", "2021-06-30T10:00+02:00",
          "2021-06-30T10:00:00.250-0500", "2021-06-30T10:00:00+01", "2000-02-29", "2016-12-31T23:59:60"}) {
        INFO(ok);
        CHECK(parse_iso_datetime(ok));
    }
}

TEST_CASE("core: parse_iso_datetime rejects impossible and malformed dates", "[core][date]") {
    for (const char* bad : {"",
                            "2021",
                            "2021-06",
                            "2021-6-30",
                            "21-06-30",
                            "2021/06/30",
                            "2021-02-30",
                            "2023-02-29",
                            "1900-02-29",
                            "2021-04-31",
                            "2021-00-10",
                            "2021-13-01",
                            "2021-06-00",
                            "2021-06-30T",
                            "2021-06-30T25:00",
                            "2021-06-30T10:60",
                            "2021-06-30T10",
                            "2021-06-30T10:00:61",
                            "2021-06-30x",
                            "2021-06-30T10:00 PM",
                            "+2021-06-30",
                            "2021-06-30T10:00+2",
                            "２０２１-06-30"}) {
        INFO(bad);
        CHECK_FALSE(parse_iso_datetime(bad));
    }
}

TEST_CASE("core: weekdays", "[core][date]") {
    CHECK(weekday({1970, 1, 1}) == 3);  // Thursday
    CHECK(weekday({2021, 6, 28}) == 0); // Monday
    CHECK(weekday({2021, 6, 30}) == 2);
    CHECK(weekday({2000, 1, 1}) == 5);   // Saturday
    CHECK(weekday({1969, 12, 31}) == 2); // before the epoch
    CHECK(weekday({2024, 2, 29}) == 3);
}

TEST_CASE("core: ISO week numbers across year ends", "[core][date]") {
    const auto check = [](CivilDate d, int year, int week) {
        const auto w = iso_week(d);
        INFO(format_date(d));
        CHECK(w.year == year);
        CHECK(w.week == week);
    };
    check({2021, 6, 30}, 2021, 26);
    check({2021, 1, 3}, 2020, 53); // Sunday of 2020's last week
    check({2021, 1, 4}, 2021, 1);
    check({2019, 12, 30}, 2020, 1); // Monday belonging to the next week-year
    check({2015, 12, 31}, 2015, 53);
    check({2024, 12, 30}, 2025, 1);
    check({2027, 1, 1}, 2026, 53);
}

TEST_CASE("core: days round trip and days_in_month", "[core][date]") {
    CHECK(days_from_civil({1970, 1, 1}) == 0);
    CHECK(days_from_civil({1970, 1, 2}) == 1);
    CHECK(days_from_civil({1969, 12, 31}) == -1);
    CHECK(days_from_civil({2000, 3, 1}) - days_from_civil({2000, 2, 28}) == 2);
    CHECK(days_from_civil({1900, 3, 1}) - days_from_civil({1900, 2, 28}) == 1);
    for (std::int64_t z = -800000; z <= 800000; z += 997) {
        const auto d = civil_from_days(z);
        REQUIRE(days_from_civil(d) == z);
        REQUIRE(d.day <= days_in_month(d.year, d.month));
    }
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2023, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(2021, 4) == 30);
    CHECK(days_in_month(2021, 13) == 0);
    CHECK(format_date({2021, 6, 3}) == "2021-06-03");
    CHECK(format_date({987, 12, 31}) == "0987-12-31");
}
