#include "annals/text/segment.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace annals;

namespace {

using Strings = std::vector<std::string>;

Strings sentences(std::string_view text) {
    Strings out;
    for (const auto& s : segment(text).sentences) out.emplace_back(s.span.of(text));
    return out;
}

Strings tokens(std::string_view text) {
    Strings out;
    for (const auto& t : segment(text).tokens) out.emplace_back(t.span.of(text));
    return out;
}

TokenKind kind_of(std::string_view text, std::string_view token) {
    for (const auto& t : segment(text).tokens)
        if (t.span.of(text) == token) return t.kind;
    FAIL("no token " << token);
    return TokenKind::punct;
}

} // namespace

// --- sentences: stops and abbreviations -------------------------------------------------------

TEST_CASE("text: splits plain sentences at stops", "[text]") {
    CHECK(sentences("The talks ended. Both sides left! Will they return?") ==
          Strings{"The talks ended.", "Both sides left!", "Will they return?"});
}

TEST_CASE("text: title abbreviations do not end sentences", "[text]") {
    CHECK(sentences("Mr. Lane met Dr. Osei and Gen. Park. Sen. Ruiz and Rep. Cole spoke.") ==
          Strings{"Mr. Lane met Dr. Osei and Gen. Park.", "Sen. Ruiz and Rep. Cole spoke."});
    CHECK(sentences("Gov. Hale thanked Lt. Col. Brandt of St. Louis.") ==
          Strings{"Gov. Hale thanked Lt. Col. Brandt of St. Louis."});
}

TEST_CASE("text: initials stay inside the name", "[text]") {
    CHECK(sentences("US Secretary of State Antony J. Blinken spoke. The meeting ended.") ==
          Strings{"US Secretary of State Antony J. Blinken spoke.", "The meeting ended."});
    CHECK(tokens("Antony J. Blinken") == Strings{"Antony", "J.", "Blinken"});
}

TEST_CASE("text: U.S. in the middle and at the end of a sentence", "[text]") {
    CHECK(sentences("The U.S. Navy sent ships. Aid came from the U.S. The rest came later.") ==
          Strings{"The U.S. Navy sent ships.", "Aid came from the U.S.", "The rest came later."});
    CHECK(sentences("Talks in the U.S. ended. They resume in May.") ==
          Strings{"Talks in the U.S. ended.", "They resume in May."});
}

TEST_CASE("text: dotted acronyms keep their final period", "[text]") {
    CHECK(tokens("at 9 a.m. on the U.N. site, e.g. here") ==
          Strings{"at", "9", "a.m.", "on", "the", "U.N.", "site", ",", "e.g.", "here"});
}

TEST_CASE("text: month abbreviations before a day", "[text]") {
    CHECK(sentences("The vote is on Jan. 12 and the count on Feb. 3. Results follow.") ==
          Strings{"The vote is on Jan. 12 and the count on Feb. 3.", "Results follow."});
}

TEST_CASE("text: company abbreviations end a sentence only before a sentence opener", "[text]") {
    CHECK(sentences("Shares of Norvel Corp. rose. Kesto Inc. Chief Executive Ana Ruiz left.") ==
          Strings{"Shares of Norvel Corp. rose.", "Kesto Inc. Chief Executive Ana Ruiz left."});
    CHECK(sentences("He joined Kesto Inc. The firm grew.") == Strings{"He joined Kesto Inc.", "The firm grew."});
}

TEST_CASE("text: No. is an abbreviation only before a number", "[text]") {
    CHECK(sentences("He ranks No. 3 in the world. She said No. He left.") ==
          Strings{"He ranks No. 3 in the world.", "She said No.", "He left."});
    CHECK(tokens("No. 3") == Strings{"No.", "3"});
    CHECK(tokens("said No.") == Strings{"said", "No", "."});
}

TEST_CASE("text: vs. and etc.", "[text]") {
    CHECK(sentences("It was Lyon vs. Porto in the final. Fans, flags, etc. The noise was loud.") ==
          Strings{"It was Lyon vs. Porto in the final.", "Fans, flags, etc.", "The noise was loud."});
    CHECK(sentences("They sold fruit, bread, etc., at the market.") ==
          Strings{"They sold fruit, bread, etc., at the market."});
}

TEST_CASE("text: ALL-CAPS abbreviations are recognised", "[text]") {
    CHECK(tokens("MR. LANE") == Strings{"MR.", "LANE"});
    CHECK(sentences("U.S. TROOPS LEAVE BASE. MR. LANE WELCOMES MOVE.") ==
          Strings{"U.S. TROOPS LEAVE BASE.", "MR. LANE WELCOMES MOVE."});
}

TEST_CASE("text: a lower-case word after a period starts no sentence", "[text]") {
    CHECK(sentences("The rate rose to approx. four percent. It fell.") ==
          Strings{"The rate rose to approx. four percent.", "It fell."});
    CHECK(sentences("He met the Ambassador of Peru. and then left.") ==
          Strings{"He met the Ambassador of Peru. and then left."});
}

TEST_CASE("text: a number after a stop starts a sentence", "[text]") {
    CHECK(sentences("The war ended in 1945. 20 years later peace held.") ==
          Strings{"The war ended in 1945.", "20 years later peace held."});
}

// --- sentences: quotes and brackets ---------------------------------------------------------

TEST_CASE("text: closing quotes stay with their sentence", "[text]") {
    CHECK(sentences("He said, \"We will win.\" Then he left.") ==
          Strings{"He said, \"We will win.\"", "Then he left."});
    CHECK(sentences("\xE2\x80\x9CWe are done.\xE2\x80\x9D Next came the vote.") ==
          Strings{"\xE2\x80\x9CWe are done.\xE2\x80\x9D", "Next came the vote."});
}

TEST_CASE("text: a quote ending in a comma continues with the attribution", "[text]") {
    CHECK(sentences("\"The talks failed,\" he said. \"We go home.\"") ==
          Strings{"\"The talks failed,\" he said.", "\"We go home.\""});
    CHECK(sentences("\xE2\x80\x9CWhy?\xE2\x80\x9D she asked. Nobody knew.") ==
          Strings{"\xE2\x80\x9CWhy?\xE2\x80\x9D she asked.", "Nobody knew."});
}

TEST_CASE("text: closing brackets stay with their sentence", "[text]") {
    CHECK(sentences("The deal closed (after a delay.) Prices rose.") ==
          Strings{"The deal closed (after a delay.)", "Prices rose."});
    CHECK(sentences("(The figures are provisional.) They may change.") ==
          Strings{"(The figures are provisional.)", "They may change."});
}

TEST_CASE("text: an opening quote after a stop starts a sentence", "[text]") {
    CHECK(sentences("They voted. \"It is over,\" she said.") == Strings{"They voted.", "\"It is over,\" she said."});
    CHECK(sentences("They voted. ``It is over,'' she said.") == Strings{"They voted.", "``It is over,'' she said."});
}

TEST_CASE("text: a bracket after an abbreviation goes on", "[text]") {
    CHECK(sentences("Shares of Tamo Corp. (Japan) rose.") == Strings{"Shares of Tamo Corp. (Japan) rose."});
}

// --- sentences: ellipses, line breaks, headlines -------------------------------------------------

TEST_CASE("text: ellipses", "[text]") {
    CHECK(sentences("He waited... Nothing came. It went on \xE2\x80\xA6 and on.") ==
          Strings{"He waited...", "Nothing came.", "It went on \xE2\x80\xA6 and on."});
    CHECK(tokens("wait... more") == Strings{"wait", "...", "more"});
}

TEST_CASE("text: a headline without a final stop", "[text]") {
    CHECK(sentences("Global coalition meets in Rome\n\nThe ministers met on Monday.") ==
          Strings{"Global coalition meets in Rome", "The ministers met on Monday."});
    CHECK(sentences("Talks resume") == Strings{"Talks resume"});
}

TEST_CASE("text: a blank line always ends a sentence", "[text]") {
    CHECK(sentences("Prices rose by\n\nthree percent") == Strings{"Prices rose by", "three percent"});
    CHECK(sentences("Mr.\n\nLane") == Strings{"Mr.", "Lane"});
    CHECK(sentences("One\r\n\r\nTwo") == Strings{"One", "Two"});
}

TEST_CASE("text: a headline line followed by a single line break", "[text]") {
    const std::string text = "Ministers agree on aid plan\n"
                             "The ministers of the group agreed on Monday to send more aid to the region, officials "
                             "said after the meeting in the capital.\n";
    CHECK(sentences(text) ==
          Strings{"Ministers agree on aid plan",
                  "The ministers of the group agreed on Monday to send more aid to the region, officials said "
                  "after the meeting in the capital."});
}

TEST_CASE("text: a dateline line followed by a single line break", "[text]") {
    const std::string text = "ROME, June 28\n"
                             "Foreign ministers of the coalition met in the Italian capital on Monday to review "
                             "their work.";
    CHECK(sentences(text).size() == 2);
    CHECK(sentences(text)[0] == "ROME, June 28");
}

TEST_CASE("text: wrapped lines do not end sentences", "[text]") {
    const std::string text = "The ministers of the coalition met in the capital on Monday with\n"
                             "Secretary Blinken and agreed to send more aid to the region in\n"
                             "July. Officials said the plan would be reviewed in the autumn.\n";
    CHECK(sentences(text) == Strings{"The ministers of the coalition met in the capital on Monday with\n"
                                     "Secretary Blinken and agreed to send more aid to the region in\nJuly.",
                                     "Officials said the plan would be reviewed in the autumn."});
}

TEST_CASE("text: a wrapped line that starts a sentence is not a headline", "[text]") {
    const std::string text = "The talks ended on Friday in the city.\n"
                             "After a long meeting at the lakeside villa with President\n"
                             "Okafor, the envoy said the two sides had agreed to meet again.\n";
    CHECK(sentences(text).size() == 2);
}

TEST_CASE("text: ALL-CAPS headlines", "[text]") {
    CHECK(sentences("LEADERS AGREE ON CLIMATE DEAL\nThe leaders of twenty countries agreed on Friday to cut "
                    "emissions by half before the end of the decade.") ==
          Strings{"LEADERS AGREE ON CLIMATE DEAL", "The leaders of twenty countries agreed on Friday to cut "
                                                   "emissions by half before the end of the decade."});
}

TEST_CASE("text: a line ending in a function word is wrapped text", "[text]") {
    CHECK(sentences("Talks on the\nFuture of Europe went on all day long in the old city hall.") ==
          Strings{"Talks on the\nFuture of Europe went on all day long in the old city hall."});
}

TEST_CASE("text: a line starting in lower case continues the sentence", "[text]") {
    CHECK(sentences("Aid reached the town\non Monday.") == Strings{"Aid reached the town\non Monday."});
}

TEST_CASE("text: bullets at a line start open sentences", "[text]") {
    CHECK(sentences("The plan has two parts:\n\xE2\x80\xA2 more aid\n\xE2\x80\xA2 more troops") ==
          Strings{"The plan has two parts:", "\xE2\x80\xA2 more aid", "\xE2\x80\xA2 more troops"});
}

TEST_CASE("text: a line of marks alone joins the next sentence", "[text]") {
    CHECK(sentences("Prices rose.\n\n---\n\nJan Ek contributed.") ==
          Strings{"Prices rose.", "---\n\nJan Ek contributed."});
}

TEST_CASE("text: a new line opening with a dash after a stop is a new sentence", "[text]") {
    CHECK(sentences("Banks stayed shut.\n   _The embassy said staff were safe.") ==
          Strings{"Banks stayed shut.", "_The embassy said staff were safe."});
}

// --- tokens ------------------------------------------------------------------------------------

TEST_CASE("text: numbers with separators are one token", "[text]") {
    CHECK(tokens("3.5 and 1,500 and 2-1 and 06/28/2021 at 10:30") ==
          Strings{"3.5", "and", "1,500", "and", "2-1", "and", "06/28/2021", "at", "10:30"});
    CHECK(kind_of("1,500 troops", "1,500") == TokenKind::number);
    CHECK(tokens("1,2") == Strings{"1", ",", "2"});
}

TEST_CASE("text: currency and percent signs are their own tokens", "[text]") {
    const std::string text = "$4.5 billion, up 10%.";
    CHECK(tokens(text) == Strings{"$", "4.5", "billion", ",", "up", "10", "%", "."});
    CHECK(kind_of(text, "$") == TokenKind::symbol);
    CHECK(kind_of(text, "4.5") == TokenKind::number);
    CHECK(tokens("\xE2\x82\xAC" "20") == Strings{"\xE2\x82\xAC", "20"}); // €20
}

TEST_CASE("text: ordinals and decades are numbers, mixed codes words", "[text]") {
    CHECK(kind_of("the 3rd day", "3rd") == TokenKind::number);
    CHECK(kind_of("in the 1990s", "1990s") == TokenKind::number);
    CHECK(kind_of("the G7 summit", "G7") == TokenKind::word);
    CHECK(kind_of("a COVID-19 test", "COVID-19") == TokenKind::word);
}

TEST_CASE("text: hyphenated words are one token", "[text]") {
    CHECK(tokens("ISIS-K and Af-Pak and well-known") == Strings{"ISIS-K", "and", "Af-Pak", "and", "well-known"});
    CHECK(tokens("a U.S.-led force") == Strings{"a", "U.S.", "-", "led", "force"});
    CHECK(tokens("war -- again") == Strings{"war", "--", "again"});
}

TEST_CASE("text: slashes split words with or without spaces", "[text]") {
    CHECK(tokens("Daesh/ISIS") == Strings{"Daesh", "/", "ISIS"});
    CHECK(tokens("Daesh /ISIS") == Strings{"Daesh", "/", "ISIS"});
    CHECK(tokens("Daesh/ ISIS") == Strings{"Daesh", "/", "ISIS"});
}

TEST_CASE("text: straight and curly apostrophes inside words", "[text]") {
    CHECK(tokens("the Coalition\xE2\x80\x99s aim") == Strings{"the", "Coalition\xE2\x80\x99s", "aim"});
    CHECK(tokens("don't and O'Neill") == Strings{"don't", "and", "O'Neill"});
    CHECK(tokens("the forces\xE2\x80\x99 work") == Strings{"the", "forces", "\xE2\x80\x99", "work"});
}

TEST_CASE("text: quotes are their own tokens", "[text]") {
    CHECK(tokens("\"He said.\"") == Strings{"\"", "He", "said", ".", "\""});
    CHECK(tokens("``Yes,'' he said") == Strings{"``", "Yes", ",", "''", "he", "said"});
    CHECK(tokens("\xE2\x80\x98no\xE2\x80\x99") == Strings{"\xE2\x80\x98", "no", "\xE2\x80\x99"});
}

TEST_CASE("text: URLs are one token without trailing punctuation", "[text]") {
    const std::string text = "See https://example.org/a/b?c=1&d=2. Or www.example.com/x, or (http://ex.org/p_(q)).";
    CHECK(tokens(text) == Strings{"See", "https://example.org/a/b?c=1&d=2", ".", "Or", "www.example.com/x", ",",
                                  "or", "(", "http://ex.org/p_(q)", ")", "."});
    CHECK(kind_of(text, "www.example.com/x") == TokenKind::url);
    CHECK(sentences(text).size() == 2);
}

TEST_CASE("text: e-mail addresses are one token", "[text]") {
    const std::string text = "Write to press.office@example.org or j_doe+news@mail.example.co.uk.";
    CHECK(tokens(text) == Strings{"Write", "to", "press.office@example.org", "or", "j_doe+news@mail.example.co.uk", "."});
    CHECK(kind_of(text, "press.office@example.org") == TokenKind::email);
    CHECK(tokens("@user and a@b") == Strings{"@", "user", "and", "a", "@", "b"});
}

TEST_CASE("text: ampersands join capital-letter names", "[text]") {
    CHECK(tokens("AT&T and S&P but you & me") == Strings{"AT&T", "and", "S&P", "but", "you", "&", "me"});
}

TEST_CASE("text: non-ASCII letters and marks belong to words", "[text]") {
    CHECK(tokens("Jos\xC3\xA9 Mar\xC3\xAD" "a in Z\xC3\xBCrich") == Strings{"Jos\xC3\xA9", "Mar\xC3\xAD" "a", "in", "Z\xC3\xBCrich"});
    CHECK(tokens("cafe\xCC\x81 open") == Strings{"cafe\xCC\x81", "open"}); // combining acute
    CHECK(tokens("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, 2021") ==
          Strings{"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", ",", "2021"}); // Москва
}

TEST_CASE("text: non-ASCII capitals start sentences and make initials", "[text]") {
    CHECK(sentences("Aid arrived. \xC3\x89lodie Roux said so.") == Strings{"Aid arrived.", "\xC3\x89lodie Roux said so."});
    CHECK(tokens("\xC3\x89. Roux") == Strings{"\xC3\x89.", "Roux"});
}

TEST_CASE("text: dashes and ellipsis characters", "[text]") {
    CHECK(tokens("war\xE2\x80\x94" "again\xE2\x80\xA6") == Strings{"war", "\xE2\x80\x94", "again", "\xE2\x80\xA6"});
    CHECK(kind_of("war\xE2\x80\x94" "again", "\xE2\x80\x94") == TokenKind::punct);
}

TEST_CASE("text: emoji with modifiers are one symbol", "[text]") {
    const std::string thumbs = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"; // thumbs up, medium skin tone
    CHECK(tokens("ok " + thumbs + "!") == Strings{"ok", thumbs, "!"});
    CHECK(kind_of("ok " + thumbs, thumbs) == TokenKind::symbol);
}

TEST_CASE("text: non-breaking and other Unicode spaces separate tokens", "[text]") {
    CHECK(tokens("10\xC2\xA0km and a\xE2\x80\x83" "b") == Strings{"10", "km", "and", "a", "b"});
}

TEST_CASE("text: space, line and blank-line flags", "[text]") {
    const auto seg = segment("A b\nc\n\nd,e");
    REQUIRE(seg.tokens.size() == 6);
    CHECK(seg.tokens[0].space_before);
    CHECK(!seg.tokens[0].newline_before);
    CHECK(seg.tokens[2].newline_before);
    CHECK(!seg.tokens[2].blank_line_before);
    CHECK(seg.tokens[3].blank_line_before);
    CHECK(!seg.tokens[4].space_before);
    CHECK(!seg.tokens[5].space_before);
}

// --- invariants ----------------------------------------------------------------------------------

TEST_CASE("text: sentences cover the tokens in order and spans cut the text", "[text]") {
    const std::string text = "Headline here\n\n  Mr. Lane said: \"It is 3.5% (or $4).\" Then\tthe U.S. left... "
                             "See www.example.org! \xE2\x80\x9CYes.\xE2\x80\x9D\n";
    const auto seg = segment(text);
    std::uint32_t next = 0;
    for (const auto& s : seg.sentences) {
        CHECK(s.first_token == next);
        REQUIRE(s.token_count > 0);
        next += s.token_count;
        CHECK(s.span.begin == seg.tokens[s.first_token].span.begin);
        CHECK(s.span.end == seg.tokens[s.first_token + s.token_count - 1].span.end);
    }
    CHECK(next == seg.tokens.size());
    for (std::size_t i = 1; i < seg.tokens.size(); ++i) CHECK(seg.tokens[i - 1].span.end <= seg.tokens[i].span.begin);
    for (const auto& t : seg.tokens) {
        CHECK(!t.span.empty());
        CHECK(t.span.of(text).find_first_of(" \t\n") == std::string_view::npos);
    }
}

TEST_CASE("text: empty and blank texts have no sentences", "[text]") {
    CHECK(segment("").sentences.empty());
    CHECK(segment(" \n\t\n ").tokens.empty());
    CHECK(sentences(".") == Strings{"."});
}

TEST_CASE("text: a long sentence without stops is one sentence", "[text]") {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += "word ";
    const auto seg = segment(text);
    CHECK(seg.tokens.size() == 10000);
    CHECK(seg.sentences.size() == 1);
}

TEST_CASE("text: segmentation is deterministic", "[text]") {
    const std::string text = "Mr. Lane met Gen. Park. They spoke.\n\nNext item";
    const auto a = segment(text);
    const auto b = segment(text);
    REQUIRE(a.sentences.size() == b.sentences.size());
    for (std::size_t i = 0; i < a.sentences.size(); ++i) CHECK(a.sentences[i].span == b.sentences[i].span);
}
