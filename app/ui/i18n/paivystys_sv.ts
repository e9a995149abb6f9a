<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_FI">
<context>
    <name>Cli</name>
    <message>
        <source>paluuarvot: {ok} kaikki kunnossa; {action} jokin vaatii toimia (lähtevissä odottaa tai huomiota vaativia, järjestelmään ei saada yhteyttä); {policy} käytäntö virheellinen tai puuttuu; {server} harjoituspalvelin käyttökelvoton; {outbox} lähteviä ei voi avata (avain- tai tiedosto-ongelma tai vaurioitunut loki: mitään ei muutettu; vaurioituneelle &apos;outbox salvage&apos;); {busy} toinen lähettäjä on toiminnassa</source>
        <translation>returkoder: {ok} allt i ordning; {action} något kräver åtgärder (poster väntar eller kräver uppmärksamhet i utkorgen, ett system kan inte nås); {policy} policyn är felaktig eller saknas; {server} övningsservern är oanvändbar; {outbox} utkorgen kan inte öppnas (ett nyckel- eller filproblem, eller en skadad logg: ingenting ändrades; &apos;outbox salvage&apos; för en skadad); {busy} en annan avsändare är aktiv</translation>
    </message>
    <message>
        <source>paluuarvot: {ok} kunnossa, {policy} käytäntö virheellinen tai puuttuu, {server} harjoituspalvelin käyttökelvoton, {failed} --self-test epäonnistui (syyt virhetulosteessa), {usage} käyttövirhe</source>
        <translation>returkoder: {ok} i ordning, {policy} policyn är felaktig eller saknas, {server} övningsservern är oanvändbar, {failed} --self-test misslyckades (orsakerna på stderr), {usage} ett användningsfel</translation>
    </message>
    <message>
        <source>käyttö: </source>
        <translation>användning: </translation>
    </message>
    <message>
        <source>argumentit</source>
        <translation>argument</translation>
    </message>
    <message>
        <source>valinnat</source>
        <translation>flaggor</translation>
    </message>
    <message>
        <source>näytä tämä ohje ja lopeta</source>
        <translation>visa denna hjälp och avsluta</translation>
    </message>
    <message>
        <source>{prog}: virhe: {message}</source>
        <translation>{prog}: fel: {message}</translation>
    </message>
    <message>
        <source>tämän kerran kieli (fi, sv, en): ikkunan ja komentojen; oletus: työntekijän valinta (Ohje → Kieli), muuten käytännön duty_unit.language, muuten suomeksi</source>
        <translation>språket för denna gång (fi, sv, en): fönstrets och kommandonas; standard: arbetstagarens val (Hjälp → Språk), annars policyns duty_unit.language, annars finska</translation>
    </message>
    <message>
        <source>käytäntötiedosto tai -hakemisto, vain harjoitteluun ja tarkistukseen: käy valintojen --training ja --training-server sekä komentojen training-server ja policy check kanssa. Muuten koneen käytäntö on aina ylläpitäjien ({where})</source>
        <translation>en policyfil eller -katalog, endast för övning och kontroll: godtas med --training, --training-server, training-server och policy check. Annars är maskinens policy alltid administratörernas ({where})</translation>
    </message>
    <message>
        <source>harjoittelutila: keksityt asiakkaat harjoitusjärjestelmissä, oma profiili</source>
        <translation>övningsläge: påhittade klienter i övningssystem, en egen profil</translation>
    </message>
    <message>
        <source>käytä jo käynnissä olevaa harjoituspalvelinta (luokkahuoneen palvelinta); tarkoittaa myös --training</source>
        <translation>använd en övningsserver som redan körs (en klassrumsserver); innebär --training</translation>
    </message>
    <message>
        <source>tarkista, kuvaa, allekirjoita tai varmenna käytäntö; tee allekirjoitusavainpari</source>
        <translation>kontrollera, beskriv, signera eller verifiera en policy; skapa ett signeringsnyckelpar</translation>
    </message>
    <message>
        <source>paluuarvot: {ok} kunnossa; {policy} käytäntö virheellinen, puuttuu, allekirjoittamaton tai väärin allekirjoitettu, tai avain käyttökelvoton (myös väärin annettu komento); {usage} keygen korvaisi avaimen, tai --key ilman valintaa --policy</source>
        <translation>returkoder: {ok} i ordning; {policy} policyn är felaktig, saknas, är osignerad eller fel signerad, eller en nyckel är oanvändbar (och ett felaktigt givet kommando); {usage} keygen skulle skriva över en nyckel, eller --key utan --policy</translation>
    </message>
    <message>
        <source>tarkista koneen käytäntö tai vielä asentamaton käytäntötiedosto tai -hakemisto (--policy)</source>
        <translation>kontrollera maskinens policy, eller en policyfil eller -katalog (--policy) som ännu inte installerats</translation>
    </message>
    <message>
        <source>tarkistettava käytäntötiedosto tai -hakemisto</source>
        <translation>en policyfil eller -katalog att kontrollera</translation>
    </message>
    <message>
        <source>valinnan --policy kanssa: tarkista myös sen allekirjoitukset ja sarjanumerot tätä julkista avainta vasten</source>
        <translation>med --policy: kontrollera också dess signaturer och serienummer mot denna publika nyckel</translation>
    </message>
    <message>
        <source>käytännön jokainen kenttä dokumentoituna (Markdown, englanniksi)</source>
        <translation>varje fält i policyn, dokumenterat (Markdown, på engelska)</translation>
    </message>
    <message>
        <source>uusi Ed25519-allekirjoitusavainpari</source>
        <translation>ett nytt Ed25519-signeringsnyckelpar</translation>
    </message>
    <message>
        <source>minne se tehdään</source>
        <translation>var det ska läggas</translation>
    </message>
    <message>
        <source>allekirjoita käytäntötiedosto: kirjoittaa sen viereen tiedoston FILE.sig</source>
        <translation>signera en policyfil: skriver FILE.sig bredvid den</translation>
    </message>
    <message>
        <source>tarkista FILE.sig tiedostoa FILE ja julkista avainta vasten</source>
        <translation>kontrollera FILE.sig mot FILE och den publika nyckeln</translation>
    </message>
    <message>
        <source>Päivystys – sosiaalipäivystyksen työasema. Ilman komentoa avaa ikkunan.</source>
        <translation>Päivystys – arbetsstationen för socialjouren. Utan kommando öppnas fönstret.</translation>
    </message>
    <message>
        <source>näytä ohjelman versio ja lopeta</source>
        <translation>visa programmets version och avsluta</translation>
    </message>
    <message>
        <source>tarkista tämä asennus tilapäisessä profiilissa (käytäntö, avainsäilö, lähtevät, tulostettu asiakirja, Qt ilman näyttöä) ja lopeta; asentajille ja helpdeskille</source>
        <translation>kontrollera denna installation i en tillfällig profil (policy, nyckellager, utkorg, ett utskrivet dokument, Qt utan skärm) och avsluta; för installatörer och helpdesk</translation>
    </message>
    <message>
        <source>valinnan --self-test kanssa: koneluettava tuloste</source>
        <translation>med --self-test: maskinläsbar utdata</translation>
    </message>
    <message>
        <source>koneluettava tuloste</source>
        <translation>maskinläsbar utdata</translation>
    </message>
    <message>
        <source>tarjoa käytännön jokaiselle kunnalle harjoitusjärjestelmä osoitteessa 127.0.0.1</source>
        <translation>erbjud ett övningssystem för varje kommun i policyn på 127.0.0.1</translation>
    </message>
    <message>
        <source>hakemistopalvelimen portti (oletus: mikä tahansa vapaa)</source>
        <translation>indexserverns port (standard: vilken ledig som helst)</translation>
    </message>
    <message>
        <source>IPv4-osoite, jota kuunnellaan (oletus 127.0.0.1: vain tämä kone); luokkahuoneen palvelimelle osoite, johon harjoittelijat yltävät, tai 0.0.0.0 kaikille, jolloin se ilmoittaa tämän koneen nimen</source>
        <translation>IPv4-adressen att lyssna på (standard 127.0.0.1: endast denna dator); en klassrumsserver anger adressen som deltagarna når, eller 0.0.0.0 för alla, och meddelar då denna dators namn</translation>
    </message>
    <message>
        <source>tulosta kouluttajan aineisto käytännöstä (Markdown: kunkin kunnan keksityt asiakkaat ja harjoitustehtävät) ja lopeta</source>
        <translation>skriv ut utbildarens material för policyn (Markdown: varje kommuns påhittade klienter och övningsscenarierna) och avsluta</translation>
    </message>
    <message>
        <source>tarkista käytäntö, avainsäilö, lähtevät ja jokainen järjestelmä</source>
        <translation>kontrollera policyn, nyckellagret, utkorgen och varje system</translation>
    </message>
    <message>
        <source>toimittamattomien lähtevät: määrät, toimita nyt tai pelasta vaurioituneet</source>
        <translation>utkorgen med olevererade poster: antal, leverera nu, eller rädda en skadad</translation>
    </message>
    <message>
        <source>status: mitä odottaa; flush: toimita odottavat nyt; salvage: kopioi vaurioituneiden lähtevien jokainen luettava kohde uusiin lähteviin, siirrä vanhat tiedostot (ei koskaan poistettu) profiilin hakemistoon damaged-YYYYMMDD-HHMMSS/ ja ota uudet käyttöön</source>
        <translation>status: vad som väntar; flush: leverera det som väntar, nu; salvage: kopiera varje läsbar post i en skadad utkorg till en ny, flytta de gamla filerna (raderas aldrig) till damaged-YYYYMMDD-HHMMSS/ i profilen och ta den nya i bruk</translation>
    </message>
    <message>
        <source>confirm-destination: kunta, jonka pidätetyt kohteet lähtevät sinne, minne käytäntö nyt ohjaa</source>
        <translation>confirm-destination: kommunen vars kvarhållna poster går dit policyn nu anger</translation>
    </message>
    <message>
        <source>onko alueellinen päivystys käynnissä, mistä mihin, ja kuka vastaa</source>
        <translation>pågår den regionala jouren, sedan när och till när, och vem ansvarar</translation>
    </message>
    <message>
        <source>paluuarvot: {ok} vastattu, {policy} käytäntö virheellinen tai puuttuu, {usage} --at ei ole ajankohta</source>
        <translation>returkoder: {ok} besvarat, {policy} policyn är felaktig eller saknas, {usage} --at är ingen tidpunkt</translation>
    </message>
    <message>
        <source>ajankohta, jota kysytään (oletus: nyt); ilman aikaeroa Suomen aikaa</source>
        <translation>tidpunkten som frågan gäller (standard: nu); utan tidsförskjutning är det finsk tid</translation>
    </message>
    <message>
        <source>komentorivillä annettu käytäntö hyväksytään vain harjoitteluun (--training, --training-server, training-server) ja komennolle &apos;policy check&apos;. Tämä työasema käyttää vain ylläpitäjien koneen käytäntöä ({where}). Mitään ei käynnistetty eikä lähetetty.</source>
        <translation>en policy som anges på kommandoraden godtas endast för övning (--training, --training-server, training-server) och av &apos;policy check&apos;. Denna arbetsstation använder endast administratörernas maskinpolicy ({where}). Ingenting startades eller skickades.</translation>
    </message>
    <message>
        <source>  tiedosto: {source}
  kenttä:   {field}
  ongelma:  {problem}</source>
        <translation>  fil:     {source}
  fält:    {field}
  problem: {problem}</translation>
    </message>
    <message>
        <source>(koko tiedosto)</source>
        <translation>(hela filen)</translation>
    </message>
    <message>
        <source>paivystys policy {action}: hylätty.</source>
        <translation>paivystys policy {action}: avvisad.</translation>
    </message>
    <message>
        <source>paivystys: koneen käytäntöä ei voi käyttää.</source>
        <translation>paivystys: maskinens policy kan inte användas.</translation>
    </message>
    <message>
        <source>Ota yhteys helpdeskiin: käytännön korjaaminen kuuluu heille.</source>
        <translation>Kontakta helpdesk: det är deras sak att rätta policyn.</translation>
    </message>
    <message>
        <source>outbox confirm-destination vaatii: --municipality CODE</source>
        <translation>outbox confirm-destination kräver --municipality CODE</translation>
    </message>
    <message>
        <source>paivystys --self-test: EPÄONNISTUI: {reason}</source>
        <translation>paivystys --self-test: MISSLYCKADES: {reason}</translation>
    </message>
    <message>
        <source>--json ennen komentoa on valinnalle --self-test</source>
        <translation>--json före ett kommando är för --self-test</translation>
    </message>
    <message>
        <source>--self-test ei ota komentoa</source>
        <translation>--self-test tar inget kommando</translation>
    </message>
    <message>
        <source>--self-test tarkistaa tämän koneen, ei harjoituspalvelinta: käytä valintaa --training</source>
        <translation>--self-test kontrollerar denna dator, inte en övningsserver: använd --training</translation>
    </message>
    <message>
        <source>paivystys: harjoituspalvelin käyttökelvoton: {error}</source>
        <translation>paivystys: övningsservern är oanvändbar: {error}</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <source>Asiakaskortti</source>
        <translation>Klientkort</translation>
    </message>
    <message>
        <source>Tilanne</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Nimi</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Henkilötunnus</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <source>Osoite</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Huoltajat</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Lapset</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Suunnitelma</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Vastuutyöntekijä</source>
        <translation>Ansvarig arbetstagare</translation>
    </message>
    <message>
        <source>Virka-ajan yhteys</source>
        <translation>Kontakt under tjänstetid</translation>
    </message>
    <message>
        <source>Rekisterinpitäjä</source>
        <translation>Registeransvarig</translation>
    </message>
    <message>
        <source>&amp;Uusi asiakas (Ctrl+Shift+N)</source>
        <translation>&amp;Ny klient (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Uusi asiakas tähän kuntaan</source>
        <translation>Ny klient i denna kommun</translation>
    </message>
    <message>
        <source>puh. {phone}</source>
        <translation>tfn {phone}</translation>
    </message>
    <message>
        <source>faksi {fax}</source>
        <translation>fax {fax}</translation>
    </message>
    <message>
        <source>Haetaan asiakasta…</source>
        <translation>Klienten söks…</translation>
    </message>
    <message>
        <source>Henkilö ei ole tämän kunnan asiakas (ei löytynyt kunnan järjestelmästä).</source>
        <translation>Personen är inte klient i denna kommun (hittades inte i kommunens system).</translation>
    </message>
    <message>
        <source>Kirjaa hänet uutena asiakkaana: Uusi asiakas (Ctrl+Shift+N). Kirjaus, siirto tai ilmoitus lähtee väestötietojen kanssa, ja asiakkuus avataan kunnan järjestelmään.</source>
        <translation>Anteckna personen som ny klient: Ny klient (Ctrl+Shift+N). Anteckningen, överföringen eller anmälan skickas med befolkningsuppgifterna, och klientskapet öppnas i kommunens system.</translation>
    </message>
    <message>
        <source>Ei suomalaista henkilötunnusta: kirjaus merkitään tunnistettavaksi, ja virka-aikainen työntekijä tunnistaa henkilön.</source>
        <translation>Ingen finsk personbeteckning: anteckningen märks för identifiering, och arbetstagaren under tjänstetid identifierar personen.</translation>
    </message>
    <message>
        <source>Uusi asiakas: asiakkuus avataan kirjauksen mukana.</source>
        <translation>Ny klient: klientskapet öppnas med anteckningen.</translation>
    </message>
    <message>
        <source>syntynyt {date}</source>
        <translation>född {date}</translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei näytetä</source>
        <translation>SPÄRRMARKERING – adressen visas inte</translation>
    </message>
    <message>
        <source>Asiakasta ei voitu hakea.</source>
        <translation>Klienten kunde inte sökas.</translation>
    </message>
    <message>
        <source>Asiakasta ei voitu hakea: asiakastietojärjestelmä ei vastannut.</source>
        <translation>Klienten kunde inte sökas: klientdatasystemet svarade inte.</translation>
    </message>
    <message>
        <source>Voit silti kirjoittaa kirjauksen tälle henkilötunnukselle (Ctrl+N) ja tallentaa sen: se odottaa salatuissa lähtevissä ja lähtee, kun järjestelmä vastaa.</source>
        <translation>Du kan ändå skriva en anteckning för denna personbeteckning (Ctrl+N) och spara den: den väntar i den krypterade utkorgen och skickas när systemet svarar.</translation>
    </message>
    <message>
        <source>(väestötiedoista)</source>
        <translation>(från befolkningsuppgifterna)</translation>
    </message>
    <message>
        <source>(päivitetty {date})</source>
        <translation>(uppdaterad {date})</translation>
    </message>
</context>
<context>
    <name>ClientSearch</name>
    <message>
        <source>Henkilötunnus, esim. PPKKVV-NNNT</source>
        <translation>Personbeteckning, t.ex. DDMMÅÅ-NNNK</translation>
    </message>
    <message>
        <source>Henkilötunnus</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <source>Asiakkaan henkilötunnus; Enter hakee, Ctrl+F siirtyy tähän kenttään.</source>
        <translation>Klientens personbeteckning; Enter söker, Ctrl+F flyttar till detta fält.</translation>
    </message>
    <message>
        <source>Henkilötunnuksen tarkistus</source>
        <translation>Kontroll av personbeteckningen</translation>
    </message>
    <message>
        <source>Väliaikainen tunnus</source>
        <translation>Tillfällig beteckning</translation>
    </message>
    <message>
        <source>&amp;Henkilötunnus:</source>
        <translation>&amp;Personbeteckning:</translation>
    </message>
</context>
<context>
    <name>ConnectivitySummary</name>
    <message>
        <source>Yhteyden tila</source>
        <translation>Förbindelsens status</translation>
    </message>
</context>
<context>
    <name>CorrectionEditor</name>
    <message>
        <source>Korjaa kirjaus</source>
        <translation>Korrigera anteckning</translation>
    </message>
    <message>
        <source>Järjestelmä hylkäsi kirjauksen: {reason}</source>
        <translation>Systemet avvisade anteckningen: {reason}</translation>
    </message>
    <message>
        <source>Kuvaus tilanteesta</source>
        <translation>Beskrivning av situationen</translation>
    </message>
    <message>
        <source>Tehdyt toimenpiteet</source>
        <translation>Vidtagna åtgärder</translation>
    </message>
    <message>
        <source>Vaatii jatkotoimia virka-aikana</source>
        <translation>Kräver fortsatta åtgärder under tjänstetid</translation>
    </message>
    <message>
        <source>Kuvaus:</source>
        <translation>Beskrivning:</translation>
    </message>
    <message>
        <source>Toimenpiteet:</source>
        <translation>Åtgärder:</translation>
    </message>
    <message>
        <source>Kirjauksesta puuttuu kuvaus. Kirjoita, mitä tapahtui.</source>
        <translation>Anteckningen saknar beskrivning. Skriv vad som hände.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Odottamaton virhe</source>
        <translation>Oväntat fel</translation>
    </message>
    <message>
        <source>Päivystyksessä tapahtui odottamaton virhe. Tallennetut kirjaukset ovat tallessa. Ota yhteys helpdeskiin: kerro, mitä olit tekemässä, ja liitä mukaan vianetsintätiedot. Jos ikkuna ei toimi kuten ennen, sulje Päivystys ja käynnistä se uudelleen.</source>
        <translation>Ett oväntat fel inträffade i Päivystys. Sparade anteckningar är i tryggt förvar. Kontakta helpdesk: berätta vad du höll på med och bifoga felsökningsuppgifterna. Om fönstret inte fungerar som förut, stäng Päivystys och starta programmet på nytt.</translation>
    </message>
    <message>
        <source>&amp;Kopioi vianetsintätiedot</source>
        <translation>&amp;Kopiera felsökningsuppgifterna</translation>
    </message>
    <message>
        <source>&amp;Sulje</source>
        <translation>&amp;Stäng</translation>
    </message>
    <message>
        <source>Vianetsintätiedot kopioitu leikepöydälle.</source>
        <translation>Felsökningsuppgifterna kopierades till urklipp.</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>Päivämäärää {date} ei ole. Korjaa päivä, kuukausi tai vuosi; mitään ei tallennettu eikä lähetetty.</source>
        <translation>Datumet {date} finns inte. Rätta dagen, månaden eller året; ingenting sparades eller skickades.</translation>
    </message>
</context>
<context>
    <name>DiscardDialog</name>
    <message>
        <source>Hylkäämisen syy</source>
        <translation>Orsak till kasseringen</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Syy:</source>
        <translation>Orsak:</translation>
    </message>
    <message>
        <source>Kirjoita hylkäämisen syy.</source>
        <translation>Skriv orsaken till kasseringen.</translation>
    </message>
    <message>
        <source>Hylkää lähtevä kirjaus</source>
        <translation>Kassera utgående anteckning</translation>
    </message>
    <message>
        <source>Kirjaus {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään.</source>
        <translation>Anteckningen {label} ({where}) tas bort ur utkorgen och levereras inte. En notering om kasseringen och dess orsak skickas till den registeransvariges system.</translation>
    </message>
    <message>
        <source>Miksi kirjaus hylätään? (pakollinen)</source>
        <translation>Varför kasseras anteckningen? (obligatoriskt)</translation>
    </message>
    <message>
        <source>Hylkää kirjaus</source>
        <translation>Kassera anteckningen</translation>
    </message>
    <message>
        <source>Hylkää lähtevä viesti</source>
        <translation>Kassera utgående meddelande</translation>
    </message>
    <message>
        <source>Viesti {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään.</source>
        <translation>Meddelandet {label} ({where}) tas bort ur utkorgen och levereras inte. En notering om kasseringen och dess orsak skickas till den registeransvariges system.</translation>
    </message>
    <message>
        <source>Miksi viesti hylätään? (pakollinen)</source>
        <translation>Varför kasseras meddelandet? (obligatoriskt)</translation>
    </message>
    <message>
        <source>Hylkää viesti</source>
        <translation>Kassera meddelandet</translation>
    </message>
    <message>
        <source>Hylkää lähtevä lastensuojeluilmoitus</source>
        <translation>Kassera utgående barnskyddsanmälan</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään. Jos ilmoitus on silti tehtävä, tee se uudelleen tai faksaa se.</source>
        <translation>Barnskyddsanmälan {label} ({where}) tas bort ur utkorgen och levereras inte. En notering om kasseringen och dess orsak skickas till den registeransvariges system. Om anmälan ändå måste göras, gör den på nytt eller faxa den.</translation>
    </message>
    <message>
        <source>Miksi ilmoitus hylätään? (pakollinen)</source>
        <translation>Varför kasseras anmälan? (obligatoriskt)</translation>
    </message>
    <message>
        <source>Hylkää ilmoitus</source>
        <translation>Kassera anmälan</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>käytäntö: kunnossa ({count} kuntaa, sarjanumero {serial})</source>
        <translation>policy: i ordning ({count} kommuner, serienummer {serial})</translation>
    </message>
    <message>
        <source>avainsäilö: {backend}</source>
        <translation>nyckellager: {backend}</translation>
    </message>
    <message>
        <source>avainsäilö: ei käytettävissä ({code})</source>
        <translation>nyckellager: inte tillgängligt ({code})</translation>
    </message>
    <message>
        <source>tavoitettavissa</source>
        <translation>nåbar</translation>
    </message>
    <message>
        <source>EI tavoitettavissa (ei vastausta {seconds:g} s:ssa)</source>
        <translation>INTE nåbar (inget svar inom {seconds:g} s)</translation>
    </message>
    <message>
        <source>EI tavoitettavissa ({error})</source>
        <translation>INTE nåbar ({error})</translation>
    </message>
    <message>
        <source>järjestelmä {code} {name} ({type}): {state}</source>
        <translation>system {code} {name} ({type}): {state}</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>SALASSA PIDETTÄVÄ</source>
        <translation>SEKRETESSBELAGD</translation>
    </message>
    <message>
        <source>JulkL 621/1999 24 § 1 mom. 25 k; laki sosiaalihuollon asiakkaan asemasta ja oikeuksista 812/2000</source>
        <translation>OffentlighetsL 621/1999 24 § 1 mom. 25 p.; lagen om klientens ställning och rättigheter inom socialvården 812/2000</translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei tulosteta</source>
        <translation>SPÄRRMARKERING – adressen skrivs inte ut</translation>
    </message>
    <message>
        <source>ei tiedossa</source>
        <translation>okänt</translation>
    </message>
    <message>
        <source>{day}.{month}.{year} klo {time}</source>
        <translation>{day}.{month}.{year} kl. {time}</translation>
    </message>
    <message>
        <source>kyllä</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>ei</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Sivu {page} / {total}</source>
        <translation>Sida {page} / {total}</translation>
    </message>
    <message>
        <source>Tulostanut: {name}, {when}</source>
        <translation>Utskriven av: {name}, {when}</translation>
    </message>
    <message>
        <source>112 (hätäkeskus)</source>
        <translation>112 (nödcentralen)</translation>
    </message>
    <message>
        <source>Poliisi</source>
        <translation>Polisen</translation>
    </message>
    <message>
        <source>Asiakas itse</source>
        <translation>Klienten själv</translation>
    </message>
    <message>
        <source>Muu viranomainen</source>
        <translation>Annan myndighet</translation>
    </message>
    <message>
        <source>Muu</source>
        <translation>Annan</translation>
    </message>
    <message>
        <source>Lastensuojelu</source>
        <translation>Barnskydd</translation>
    </message>
    <message>
        <source>Aikuissosiaalityö</source>
        <translation>Socialt arbete för vuxna</translation>
    </message>
    <message>
        <source>Toimeentulotuki</source>
        <translation>Utkomststöd</translation>
    </message>
    <message>
        <source>Ei suomalaista henkilötunnusta – tunnistettava</source>
        <translation>Ingen finsk personbeteckning – ska identifieras</translation>
    </message>
    <message>
        <source>Asiakas</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Henkilötunnus</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <source>Osoite</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Syntymäaika</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>Kansalaisuus</source>
        <translation>Medborgarskap</translation>
    </message>
    <message>
        <source>Kieli</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Henkilön kuvaus</source>
        <translation>Beskrivning av personen</translation>
    </message>
    <message>
        <source>Asiakaskertomukseen – {municipality}</source>
        <translation>Till klientberättelsen – {municipality}</translation>
    </message>
    <message>
        <source>Kunta</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Rekisterinpitäjä</source>
        <translation>Registeransvarig</translation>
    </message>
    <message>
        <source>Yhteydenottoaika</source>
        <translation>Tidpunkt för kontakten</translation>
    </message>
    <message>
        <source>Yhteydenottaja</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Tehtävä</source>
        <translation>Uppdrag</translation>
    </message>
    <message>
        <source>Tilanteen kuvaus</source>
        <translation>Beskrivning av situationen</translation>
    </message>
    <message>
        <source>Toimenpiteet</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Jatkotoimenpiteet</source>
        <translation>Fortsatta åtgärder</translation>
    </message>
    <message>
        <source>Jatkotoimia tarvitaan</source>
        <translation>Fortsatta åtgärder behövs</translation>
    </message>
    <message>
        <source>Kirjaaja</source>
        <translation>Antecknat av</translation>
    </message>
    <message>
        <source>Kirjauksen tunniste</source>
        <translation>Anteckningens kod</translation>
    </message>
    <message>
        <source>ei ilmoitettu – soita</source>
        <translation>inte meddelat – ring</translation>
    </message>
    <message>
        <source>Sivumäärä (kansilehti mukaan lukien)</source>
        <translation>Antal sidor (inklusive försättsbladet)</translation>
    </message>
    <message>
        <source>Virka-aikaiselle päivystäjälle – asiakasasian siirto jatkotoimiin</source>
        <translation>Till jourhavande under tjänstetid – överföring av klientärende för fortsatta åtgärder</translation>
    </message>
    <message>
        <source>Asiakasasian siirto jatkotoimia varten; tiedot seuraavilla sivuilla.</source>
        <translation>Överföring av klientärende för fortsatta åtgärder; uppgifterna på följande sidor.</translation>
    </message>
    <message>
        <source>FAKSI</source>
        <translation>FAX</translation>
    </message>
    <message>
        <source>Vastaanottaja</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Faksinumero</source>
        <translation>Faxnummer</translation>
    </message>
    <message>
        <source>Puhelin</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Lähettäjä</source>
        <translation>Avsändare</translation>
    </message>
    <message>
        <source>Lähettäjän puhelin</source>
        <translation>Avsändarens telefon</translation>
    </message>
    <message>
        <source>Käsittelijä</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <source>Päivämäärä</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Tämä faksi sisältää salassa pidettäviä asiakastietoja. Jos se on tullut väärälle vastaanottajalle, ilmoita lähettäjälle puh. {phone} ja hävitä asiakirja. Tietoja ei saa käyttää eikä luovuttaa eteenpäin.</source>
        <translation>Detta fax innehåller sekretessbelagda klientuppgifter. Om det har kommit till fel mottagare, meddela avsändaren tfn {phone} och förstör dokumentet. Uppgifterna får inte användas eller lämnas vidare.</translation>
    </message>
    <message>
        <source>Soitan sosiaalipäivystyksestä ({unit}), nimeni on {author}. Lähetimme faksilla {total} sivua (kansilehti mukaan lukien) asiakkaan {client} asiasta jatkotoimia varten. Pyydän vahvistamaan, että faksi on tullut perille kokonaan, ja kertomaan, kuka ottaa asian hoitaakseen.</source>
        <translation>Jag ringer från socialjouren ({unit}), mitt namn är {author}. Vi har faxat {total} sidor (inklusive försättsbladet) om klienten {client} för fortsatta åtgärder. Jag ber er bekräfta att faxet har kommit fram i sin helhet och berätta vem som tar hand om ärendet.</translation>
    </message>
    <message>
        <source>{unit}, puh. {phone}</source>
        <translation>{unit}, tfn {phone}</translation>
    </message>
    <message>
        <source>, puh. {phone}</source>
        <translation>, tfn {phone}</translation>
    </message>
    <message>
        <source>ASIAKASASIAN SIIRTO</source>
        <translation>ÖVERFÖRING AV KLIENTÄRENDE</translation>
    </message>
    <message>
        <source>Vastuutyöntekijä</source>
        <translation>Ansvarig arbetstagare</translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation>Vad hände</translation>
    </message>
    <message>
        <source>Tarvittavat jatkotoimet</source>
        <translation>Fortsatta åtgärder som behövs</translation>
    </message>
    <message>
        <source>Siirtäjä</source>
        <translation>Överförd av</translation>
    </message>
    <message>
        <source>Puhelinmuistio</source>
        <translation>Telefonpromemoria</translation>
    </message>
    <message>
        <source>Soita</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>Kerro puhelimessa</source>
        <translation>Säg i telefon</translation>
    </message>
    <message>
        <source>Faksi lähetetty (pvm, klo)</source>
        <translation>Fax skickat (datum, kl.)</translation>
    </message>
    <message>
        <source>Vastaanotto vahvistettu (kuka)</source>
        <translation>Mottagandet bekräftat (av vem)</translation>
    </message>
    <message>
        <source>Lastensuojelulaki (417/2007) 25 § – ilmoitusvelvollisuus</source>
        <translation>Barnskyddslagen (417/2007) 25 § – anmälningsskyldighet</translation>
    </message>
    <message>
        <source>Lastensuojelulaki 26 §: sosiaalityöntekijän on arvioitava lapsen mahdollinen kiireellinen lastensuojelun tarve välittömästi ja ratkaistava viimeistään seitsemäntenä arkipäivänä ilmoituksen saapumisesta, ryhdytäänkö asian selvittämiseen.</source>
        <translation>Barnskyddslagen 26 §: socialarbetaren ska omedelbart bedöma barnets eventuella brådskande behov av barnskydd och senast den sjunde vardagen efter att anmälan kommit in avgöra om ärendet ska utredas.</translation>
    </message>
    <message>
        <source>KIIREELLINEN – lapsen suojelun tarve arvioitava heti</source>
        <translation>BRÅDSKANDE – barnets behov av skydd ska bedömas genast</translation>
    </message>
    <message>
        <source>Ei kiireellinen</source>
        <translation>Inte brådskande</translation>
    </message>
    <message>
        <source>Organisaatio</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Ilmoittaja</source>
        <translation>Anmälare</translation>
    </message>
    <message>
        <source>Ilmoittajan viite</source>
        <translation>Anmälarens referens</translation>
    </message>
    <message>
        <source>Lastensuojeluun – lastensuojeluilmoitus</source>
        <translation>Till barnskyddet – barnskyddsanmälan</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus (LsL 25 §); tiedot seuraavilla sivuilla.</source>
        <translation>Barnskyddsanmälan (BarnskyddsL 25 §); uppgifterna på följande sidor.</translation>
    </message>
    <message>
        <source>{municipality} – lastensuojelu</source>
        <translation>{municipality} – barnskyddet</translation>
    </message>
    <message>
        <source>Lapsi</source>
        <translation>Barnet</translation>
    </message>
    <message>
        <source>Nimi</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Kiireellisyys</source>
        <translation>Brådska</translation>
    </message>
    <message>
        <source>Arvio</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>Tiedottaminen</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Lapselle kerrottu ilmoituksesta</source>
        <translation>Barnet informerat om anmälan</translation>
    </message>
    <message>
        <source>Huoltajille kerrottu ilmoituksesta</source>
        <translation>Vårdnadshavarna informerade om anmälan</translation>
    </message>
    <message>
        <source>Vastaanotto</source>
        <translation>Mottagande</translation>
    </message>
    <message>
        <source>Vastaanotettu</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Vastaanottanut työntekijä</source>
        <translation>Mottagande arbetstagare</translation>
    </message>
    <message>
        <source>Sosiaalipäivystyksen kirjaus</source>
        <translation>Socialjourens anteckning</translation>
    </message>
    <message>
        <source>Faksi virka-aikaiselle päivystäjälle</source>
        <translation>Fax till jourhavande under tjänstetid</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation>Barnskyddsanmälan</translation>
    </message>
    <message>
        <source>(nimi ei tiedossa)</source>
        <translation>(namnet okänt)</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>Luonnosta ei voitu tallentaa salattuihin lähteviin. Teksti on yhä lomakkeella: tallenna se, kun voit.</source>
        <translation>Utkastet kunde inte sparas i den krypterade utkorgen. Texten finns kvar på blanketten: spara den när du kan.</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Tallentamattomat luonnokset</source>
        <translation>Osparade utkast</translation>
    </message>
    <message>
        <source>Edellisellä kerralla jäi kesken kirjoitettua tekstiä. Valitse luonnos ja paina Enter: asiakas haetaan ja teksti palaa lomakkeelle. Esc jättää luonnokset myöhemmäksi.</source>
        <translation>Förra gången blev text ofärdig. Välj ett utkast och tryck Enter: klienten söks och texten återförs till blanketten. Esc sparar utkasten till senare.</translation>
    </message>
    <message>
        <source>Luonnokset</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Kirjaus</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Siirto virka-aikaiselle</source>
        <translation>Överföring till tjänstetid</translation>
    </message>
    <message>
        <source>ei tunnusta</source>
        <translation>ingen beteckning</translation>
    </message>
    <message>
        <source>{form}: {who} {code} – {municipality}, {when}</source>
        <translation>{form}: {who} {code} – {municipality}, {when}</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation>Barnskyddsanmälan</translation>
    </message>
    <message>
        <source>&amp;Jatka luonnosta</source>
        <translation>&amp;Fortsätt utkastet</translation>
    </message>
    <message>
        <source>&amp;Myöhemmin</source>
        <translation>&amp;Senare</translation>
    </message>
</context>
<context>
    <name>DutyBanner</name>
    <message>
        <source>{weekday} {date} klo {time}</source>
        <translation>{weekday} {date} kl. {time}</translation>
    </message>
    <message>
        <source>arki-ilta ja -yö</source>
        <translation>vardagskväll och -natt</translation>
    </message>
    <message>
        <source>viikonloppu</source>
        <translation>veckoslut</translation>
    </message>
    <message>
        <source>pyhäpäivä</source>
        <translation>helgdag</translation>
    </message>
    <message>
        <source>pyhän aatto</source>
        <translation>helgdagsafton</translation>
    </message>
    <message>
        <source>virka-aika</source>
        <translation>tjänstetid</translation>
    </message>
    <message>
        <source>Päivystys auki – {when} asti</source>
        <translation>Jouren öppen – till {when}</translation>
    </message>
    <message>
        <source>Päivystys kiinni (virka-aika) – {when} asti</source>
        <translation>Jouren stängd (tjänstetid) – till {when}</translation>
    </message>
    <message>
        <source>VIRKA-AIKA – kunnat vastaavat nyt itse asiakkaistaan. Valitse kunta (Ctrl+1…Ctrl+9), niin sen virka-ajan yhteystiedot näkyvät tässä. Alueellinen päivystys alkaa {opens}.</source>
        <translation>TJÄNSTETID – kommunerna ansvarar nu själva för sina klienter. Välj kommun (Ctrl+1…Ctrl+9), så visas dess kontaktuppgifter under tjänstetid här. Den regionala jouren börjar {opens}.</translation>
    </message>
    <message>
        <source>VIRKA-AIKA – {name} vastaa nyt itse asiakkaistaan. Ohjaa asia kunnan virka-ajan päivystykseen: {unit}, puh. {phone}. Alueellinen päivystys alkaa {opens}.</source>
        <translation>TJÄNSTETID – {name} ansvarar nu själv för sina klienter. Hänvisa ärendet till kommunens jour under tjänstetid: {unit}, tfn {phone}. Den regionala jouren börjar {opens}.</translation>
    </message>
    <message>
        <source>Päivystyksen tila</source>
        <translation>Jourens status</translation>
    </message>
    <message>
        <source>Virka-aika: kunta vastaa</source>
        <translation>Tjänstetid: kommunen ansvarar</translation>
    </message>
    <message>
        <source>{reason}. Alkoi {since}, päättyy {until}.</source>
        <translation>{reason}. Började {since}, slutar {until}.</translation>
    </message>
</context>
<context>
    <name>DutyDesk</name>
    <message>
        <source>Hae ensin asiakas henkilötunnuksella (Ctrl+F).</source>
        <translation>Sök först klienten med personbeteckning (Ctrl+F).</translation>
    </message>
    <message>
        <source>Luonnos palautettu: jatka kirjoittamista.</source>
        <translation>Utkastet återställt: fortsätt skriva.</translation>
    </message>
    <message>
        <source>Uusi asiakas: hae ensin henkilötunnuksella henkilö, joka ei ole kunnan asiakas.</source>
        <translation>Ny klient: sök först med personbeteckning en person som inte är klient i kommunen.</translation>
    </message>
    <message>
        <source>Haetaan henkilön tietoja väestötietojärjestelmästä…</source>
        <translation>Personens uppgifter hämtas från befolkningsdatasystemet…</translation>
    </message>
    <message>
        <source>Henkilö ilman henkilötunnusta korvaa kortin asiakkaan.</source>
        <translation>Personen utan personbeteckning ersätter klienten på kortet.</translation>
    </message>
    <message>
        <source>Odota: kirjausta tallennetaan.</source>
        <translation>Vänta: anteckningen sparas.</translation>
    </message>
    <message>
        <source>Henkilötunnus muuttui: kortti tyhjennettiin. Hae Enterillä.</source>
        <translation>Personbeteckningen ändrades: kortet tömdes. Sök med Enter.</translation>
    </message>
    <message>
        <source>Henkilötunnus-kenttään kirjoitettiin toinen tunnus.</source>
        <translation>En annan beteckning skrevs i fältet Personbeteckning.</translation>
    </message>
    <message>
        <source>Luonnos säilytetty salattuna. Se tarjotaan, kun haet asiakkaan.</source>
        <translation>Utkastet sparat krypterat. Det erbjuds när du söker klienten.</translation>
    </message>
    <message>
        <source>Kirjaus suljetaan.</source>
        <translation>Anteckningen stängs.</translation>
    </message>
    <message>
        <source>Uusi haku sulkee avoimen kirjauksen.</source>
        <translation>En ny sökning stänger den öppna anteckningen.</translation>
    </message>
    <message>
        <source>Haetaan asiakasta ({where})…</source>
        <translation>Klienten söks ({where})…</translation>
    </message>
    <message>
        <source>Asiakastiedot haettu ({where}).</source>
        <translation>Klientuppgifterna hämtade ({where}).</translation>
    </message>
    <message>
        <source>Tallennetaan kirjausta ({where})…</source>
        <translation>Anteckningen sparas ({where})…</translation>
    </message>
    <message>
        <source>Kirjausta ei tallennettu: henkilötunnus-kentässä tai kortilla on eri henkilö kuin kirjauksessa ({who}). Teksti on tallessa lomakkeella; palauta oikea tunnus kenttään tai hae asiakas uudelleen.</source>
        <translation>Anteckningen sparades inte: i fältet Personbeteckning eller på kortet finns en annan person än i anteckningen ({who}). Texten finns kvar på blanketten; återställ rätt beteckning i fältet eller sök klienten på nytt.</translation>
    </message>
</context>
<context>
    <name>DutyHours</name>
    <message>
        <source>arki-ilta ja -yö</source>
        <translation>vardagskväll och -natt</translation>
    </message>
    <message>
        <source>viikonloppu</source>
        <translation>veckoslut</translation>
    </message>
    <message>
        <source>pyhäpäivä</source>
        <translation>helgdag</translation>
    </message>
    <message>
        <source>pyhän aatto</source>
        <translation>helgdagsafton</translation>
    </message>
    <message>
        <source>virka-aika</source>
        <translation>tjänstetid</translation>
    </message>
    <message>
        <source>ma ti ke to pe la su</source>
        <translation>mån tis ons tors fre lör sön</translation>
    </message>
    <message>
        <source>päivystys: AUKI: {reason}</source>
        <translation>jour: ÖPPEN: {reason}</translation>
    </message>
    <message>
        <source>päivystys: KIINNI: {reason}</source>
        <translation>jour: STÄNGD: {reason}</translation>
    </message>
    <message>
        <source>  hetkellä:  {when}</source>
        <translation>  vid:   {when}</translation>
    </message>
    <message>
        <source>  alkaen:    {when}</source>
        <translation>  sedan: {when}</translation>
    </message>
    <message>
        <source>  päättyen:  {when}</source>
        <translation>  till:  {when}</translation>
    </message>
    <message>
        <source>vastaa: alueellinen päivystys, {unit}, puh. {phone}</source>
        <translation>ansvarar: den regionala jouren, {unit}, tfn {phone}</translation>
    </message>
    <message>
        <source>vastaa: alueellinen päivystys, {unit}</source>
        <translation>ansvarar: den regionala jouren, {unit}</translation>
    </message>
    <message>
        <source>vastaa: kunkin kunnan virka-aikainen päivystys</source>
        <translation>ansvarar: varje kommuns jour under tjänstetid</translation>
    </message>
    <message>
        <source>  {code} {name}: {unit}, puh. {phone}, faksi {fax}</source>
        <translation>  {code} {name}: {unit}, tfn {phone}, fax {fax}</translation>
    </message>
    <message>
        <source>  {code} {name}: {unit}, puh. {phone}</source>
        <translation>  {code} {name}: {unit}, tfn {phone}</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Kirjaus</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Päivystyskirjaus</source>
        <translation>Jouranteckning</translation>
    </message>
    <message>
        <source>Kenen kirjaus</source>
        <translation>Vems anteckning</translation>
    </message>
    <message>
        <source>Yhteydenoton aika</source>
        <translation>Tidpunkt för kontakten</translation>
    </message>
    <message>
        <source>Yhteydenottaja</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>112 (hätäkeskus)</source>
        <translation>112 (nödcentralen)</translation>
    </message>
    <message>
        <source>Poliisi</source>
        <translation>Polisen</translation>
    </message>
    <message>
        <source>Asiakas itse</source>
        <translation>Klienten själv</translation>
    </message>
    <message>
        <source>Muu viranomainen</source>
        <translation>Annan myndighet</translation>
    </message>
    <message>
        <source>Muu</source>
        <translation>Annan</translation>
    </message>
    <message>
        <source>Tehtävätyyppi</source>
        <translation>Uppdragstyp</translation>
    </message>
    <message>
        <source>Lastensuojelu</source>
        <translation>Barnskydd</translation>
    </message>
    <message>
        <source>Aikuissosiaalityö</source>
        <translation>Socialt arbete för vuxna</translation>
    </message>
    <message>
        <source>Toimeentulotuki</source>
        <translation>Utkomststöd</translation>
    </message>
    <message>
        <source>Tehtävätyyppiä ei käsitellä</source>
        <translation>Uppdragstypen behandlas inte</translation>
    </message>
    <message>
        <source>Kuvaus tilanteesta</source>
        <translation>Beskrivning av situationen</translation>
    </message>
    <message>
        <source>Kuvauksen pituus</source>
        <translation>Beskrivningens längd</translation>
    </message>
    <message>
        <source>Toimenpiteiden pituus</source>
        <translation>Åtgärdernas längd</translation>
    </message>
    <message>
        <source>Tehdyt toimenpiteet</source>
        <translation>Vidtagna åtgärder</translation>
    </message>
    <message>
        <source>Vaatii jatkotoimia virka-aikana</source>
        <translation>Kräver fortsatta åtgärder under tjänstetid</translation>
    </message>
    <message>
        <source>Jatkotoimet tarpeen</source>
        <translation>Fortsatta åtgärder behövs</translation>
    </message>
    <message>
        <source>Tallenna (Ctrl+Enter)</source>
        <translation>Spara (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Tallenna kirjaus</source>
        <translation>Spara anteckningen</translation>
    </message>
    <message>
        <source>Peruuta</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Peruuta kirjaus</source>
        <translation>Avbryt anteckningen</translation>
    </message>
    <message>
        <source>Yhteydenoton aika:</source>
        <translation>Tidpunkt för kontakten:</translation>
    </message>
    <message>
        <source>Yhteydenottaja:</source>
        <translation>Kontaktperson:</translation>
    </message>
    <message>
        <source>Tehtävätyyppi:</source>
        <translation>Uppdragstyp:</translation>
    </message>
    <message>
        <source>Kuvaus:</source>
        <translation>Beskrivning:</translation>
    </message>
    <message>
        <source>Toimenpiteet:</source>
        <translation>Åtgärder:</translation>
    </message>
    <message>
        <source>Kirjaus henkilölle ilman henkilötunnusta: {who} – {municipality}</source>
        <translation>Anteckning för en person utan personbeteckning: {who} – {municipality}</translation>
    </message>
    <message>
        <source>Virka-aikainen työntekijä tunnistaa henkilön.</source>
        <translation>Arbetstagaren under tjänstetid identifierar personen.</translation>
    </message>
    <message>
        <source>Kirjaus uudelle asiakkaalle: {who} – {municipality}</source>
        <translation>Anteckning för en ny klient: {who} – {municipality}</translation>
    </message>
    <message>
        <source>Asiakkuus avataan kunnan järjestelmään kirjauksen mukana.</source>
        <translation>Klientskapet öppnas i kommunens system med anteckningen.</translation>
    </message>
    <message>
        <source>Kirjaus asiakkaalle: {who} – {municipality}</source>
        <translation>Anteckning för klienten: {who} – {municipality}</translation>
    </message>
    <message>
        <source>Kirjauksesta puuttuu kuvaus. Kirjoita, mitä tapahtui; mitään ei lähetetty.</source>
        <translation>Anteckningen saknar beskrivning. Skriv vad som hände; ingenting skickades.</translation>
    </message>
    <message>
        <source>Kuvaus</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Toimenpiteet</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>{length} / {limit} merkkiä</source>
        <translation>{length} / {limit} tecken</translation>
    </message>
    <message>
        <source>{excess} liikaa</source>
        <translation>{excess} för mycket</translation>
    </message>
    <message>
        <source>{field} on liian pitkä: kunnan järjestelmä ottaa enintään {limit} merkkiä, tekstiä on {length}. Lyhennä tekstiä; mitään ei tallennettu eikä lähetetty.</source>
        <translation>{field} är för lång: kommunens system tar emot högst {limit} tecken, texten har {length}. Förkorta texten; ingenting sparades eller skickades.</translation>
    </message>
    <message>
        <source>Sosiaalipäivystys ei käsittele toimeentulotukea, eikä kirjausta voi tallentaa tällä tehtävätyypillä. Ohjaa asiakas hakemaan perustoimeentulotukea Kelasta (kela.fi) ja kunnan sosiaalityöhön virka-aikana: {unit}, puh. {phone}.</source>
        <translation>Socialjouren behandlar inte utkomststöd, och anteckningen kan inte sparas med denna uppdragstyp. Hänvisa klienten att ansöka om grundläggande utkomststöd hos FPA (fpa.fi) och till kommunens socialarbete under tjänstetid: {unit}, tfn {phone}.</translation>
    </message>
    <message>
        <source>Tallennetaan…</source>
        <translation>Sparar…</translation>
    </message>
</context>
<context>
    <name>EntryPrinter</name>
    <message>
        <source>Yritä uudelleen (Ctrl+P).</source>
        <translation>Försök igen (Ctrl+P).</translation>
    </message>
    <message>
        <source>Tulosta (Ctrl+P)</source>
        <translation>Skriv ut (Ctrl+P)</translation>
    </message>
    <message>
        <source>Tulosta viimeksi tallennettu kirjaus</source>
        <translation>Skriv ut den senast sparade anteckningen</translation>
    </message>
    <message>
        <source>Ei tulostettavaa kirjausta. Tallenna kirjaus ensin; viimeksi tallennetun kirjauksen voi tulostaa (Ctrl+P), kunnes asiakas vaihtuu.</source>
        <translation>Ingen anteckning att skriva ut. Spara anteckningen först; den senast sparade anteckningen kan skrivas ut (Ctrl+P) tills klienten byts.</translation>
    </message>
    <message>
        <source>Nimi ei tiedossa</source>
        <translation>Namnet okänt</translation>
    </message>
    <message>
        <source>Valmistellaan tulostetta…</source>
        <translation>Utskriften förbereds…</translation>
    </message>
    <message>
        <source>Kirjaus lähetetty tulostimelle {name} ({count}).</source>
        <translation>Anteckningen skickad till skrivaren {name} ({count}).</translation>
    </message>
</context>
<context>
    <name>FaxActions</name>
    <message>
        <source>Valmistellaan faksia tulostettavaksi…</source>
        <translation>Faxet förbereds för utskrift…</translation>
    </message>
    <message>
        <source>Tulosta faksi uudelleen.</source>
        <translation>Skriv ut faxet på nytt.</translation>
    </message>
    <message>
        <source>Hoida asia puhelimitse virka-aikaiselle, puh. {phone}.</source>
        <translation>Sköt ärendet per telefon med arbetstagaren under tjänstetid, tfn {phone}.</translation>
    </message>
    <message>
        <source>Faksin esikatselu</source>
        <translation>Förhandsgranskning av faxet</translation>
    </message>
    <message>
        <source>Faksi on jo merkitty lähetetyksi tai poistettu lähtevistä.</source>
        <translation>Faxet har redan markerats som skickat eller tagits bort ur utkorgen.</translation>
    </message>
    <message>
        <source>Tämä lähtevä ei ole käsin lähetettävä faksi.</source>
        <translation>Detta utgående är inte ett fax som skickas för hand.</translation>
    </message>
    <message>
        <source>Tallennettua faksia ei voi lukea. Soita virka-aikaiselle ja ota yhteys tukeen.</source>
        <translation>Det sparade faxet kan inte läsas. Ring arbetstagaren under tjänstetid och kontakta supporten.</translation>
    </message>
    <message>
        <source>Faksia ei voitu lukea lähtevistä. Yritä uudelleen.</source>
        <translation>Faxet kunde inte läsas ur utkorgen. Försök igen.</translation>
    </message>
    <message>
        <source>Faksi tulostui ({printer}, {count}). Faksaa se numeroon {fax}, soita {phone} ja merkitse se sitten lähetetyksi.</source>
        <translation>Faxet skrevs ut ({printer}, {count}). Faxa det till numret {fax}, ring {phone} och markera det sedan som skickat.</translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi</source>
        <translation>Markera som skickat</translation>
    </message>
    <message>
        <source>Onko faksi lähetetty ja virka-aikaiselle soitettu?
{what}</source>
        <translation>Har faxet skickats och arbetstagaren under tjänstetid ringts upp?
{what}</translation>
    </message>
    <message>
        <source>Lähetetyksi merkitty faksi poistuu avoimista siirroista ja lähtevistä. Merkintää ei voi perua.</source>
        <translation>Ett fax som markerats som skickat försvinner från öppna överföringar och ur utkorgen. Markeringen kan inte ångras.</translation>
    </message>
    <message>
        <source>Kyllä, lähetetty</source>
        <translation>Ja, skickat</translation>
    </message>
    <message>
        <source>Ei vielä</source>
        <translation>Inte än</translation>
    </message>
    <message>
        <source>Faksi merkitty lähetetyksi ({name}). Se poistui avoimista siirroista.</source>
        <translation>Faxet markerat som skickat ({name}). Det försvann från öppna överföringar.</translation>
    </message>
    <message>
        <source>Faksi oli jo merkitty lähetetyksi tai poistettu lähtevistä.</source>
        <translation>Faxet hade redan markerats som skickat eller tagits bort ur utkorgen.</translation>
    </message>
    <message>
        <source>Faksia ei voitu merkitä lähetetyksi. Yritä uudelleen.</source>
        <translation>Faxet kunde inte markeras som skickat. Försök igen.</translation>
    </message>
</context>
<context>
    <name>FaxPanel</name>
    <message>
        <source>Faksi ja puhelu</source>
        <translation>Fax och samtal</translation>
    </message>
    <message>
        <source>Faksin tila</source>
        <translation>Faxets status</translation>
    </message>
    <message>
        <source>Puhelinmuistio</source>
        <translation>Telefonpromemoria</translation>
    </message>
    <message>
        <source>Tulosta faksi</source>
        <translation>Skriv ut faxet</translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi…</source>
        <translation>Markera som skickat…</translation>
    </message>
    <message>
        <source>Merkitse faksi lähetetyksi</source>
        <translation>Markera faxet som skickat</translation>
    </message>
    <message>
        <source>Avoimet siirrot</source>
        <translation>Öppna överföringar</translation>
    </message>
    <message>
        <source>✔ Faksi merkitty lähetetyksi. Voit sulkea ikkunan.</source>
        <translation>✔ Faxet markerat som skickat. Du kan stänga fönstret.</translation>
    </message>
</context>
<context>
    <name>FieldsCorrectionEditor</name>
    <message>
        <source>Järjestelmä hylkäsi lähetyksen: {reason}</source>
        <translation>Systemet avvisade försändelsen: {reason}</translation>
    </message>
    <message>
        <source>Kenttä {field} on tyhjä. Täytä se.</source>
        <translation>Fältet {field} är tomt. Fyll i det.</translation>
    </message>
</context>
<context>
    <name>Focus</name>
    <message>
        <source>tallenna tai lähetä (lomakkeessa)</source>
        <translation>spara eller skicka (i formuläret)</translation>
    </message>
</context>
<context>
    <name>FollowupController</name>
    <message>
        <source>&amp;Jatkotoimet</source>
        <translation>F&amp;ortsatta åtgärder</translation>
    </message>
    <message>
        <source>&amp;Siirrä virka-aikaiselle…</source>
        <translation>&amp;Överför till tjänstetid…</translation>
    </message>
    <message>
        <source>&amp;Lastensuojeluilmoitus…</source>
        <translation>&amp;Barnskyddsanmälan…</translation>
    </message>
    <message>
        <source>&amp;Avoimet siirrot</source>
        <translation>&amp;Öppna överföringar</translation>
    </message>
    <message>
        <source>Hae ensin asiakas henkilötunnuksella (Ctrl+F): siirto tehdään kortilla.</source>
        <translation>Sök först klienten med personbeteckning (Ctrl+F): överföringen görs på kortet.</translation>
    </message>
    <message>
        <source>Edellinen siirto on vielä auki: tallenna tai sulje se.</source>
        <translation>Den föregående överföringen är ännu öppen: spara eller stäng den.</translation>
    </message>
    <message>
        <source>Edellinen ilmoitus on vielä auki: välitä tai sulje se.</source>
        <translation>Den föregående anmälan är ännu öppen: förmedla eller stäng den.</translation>
    </message>
    <message>
        <source>Luonnos palautettu: jatka ilmoitusta.</source>
        <translation>Utkastet återställt: fortsätt anmälan.</translation>
    </message>
    <message>
        <source>Siirron luonnosta ei avattu: kortilla ei ole luonnoksen asiakasta. Luonnos säilyy (Ctrl+Shift+L).</source>
        <translation>Utkastet till överföringen öppnades inte: på kortet finns inte utkastets klient. Utkastet finns kvar (Ctrl+Shift+L).</translation>
    </message>
    <message>
        <source>Luonnos palautettu: jatka siirtoa.</source>
        <translation>Utkastet återställt: fortsätt överföringen.</translation>
    </message>
    <message>
        <source>Odota: tallennus on kesken.</source>
        <translation>Vänta: sparandet pågår.</translation>
    </message>
    <message>
        <source>Luonnos säilytetty salattuna. Jatka sitä: Ctrl+Shift+L.</source>
        <translation>Utkastet sparat krypterat. Fortsätt det: Ctrl+Shift+L.</translation>
    </message>
</context>
<context>
    <name>FollowupMessages</name>
    <message>
        <source>ei faksinumeroa – soita</source>
        <translation>inget faxnummer – ring</translation>
    </message>
    <message>
        <source>Sisäinen posti ({system})</source>
        <translation>Internpost ({system})</translation>
    </message>
    <message>
        <source>Lastensuojelun järjestelmään ({system})</source>
        <translation>Till barnskyddets system ({system})</translation>
    </message>
    <message>
        <source>Faksi ja puhelu: {unit}, faksi {fax}, puh. {phone}</source>
        <translation>Fax och samtal: {unit}, fax {fax}, tfn {phone}</translation>
    </message>
    <message>
        <source>Lähetystapaa ei saatu selville. Lähetystapa valitaan tallennettaessa.</source>
        <translation>Sändningssättet kunde inte fastställas. Sändningssättet väljs när du sparar.</translation>
    </message>
    <message>
        <source>Lähteviä avataan vielä. Tallenna hetken kuluttua uudelleen; teksti on tallessa.</source>
        <translation>Utkorgen öppnas ännu. Spara på nytt om en stund; texten är i tryggt förvar.</translation>
    </message>
    <message>
        <source>Lähtevät eivät ole käytössä (katso punainen ilmoitus), joten mitään ei voi tallentaa. Teksti on tallessa lomakkeella; kopioi se talteen ennen kuin suljet.</source>
        <translation>Utkorgen är inte i bruk (se det röda meddelandet), så ingenting kan sparas. Texten finns kvar på blanketten; kopiera den i säkert förvar innan du stänger.</translation>
    </message>
    <message>
        <source>lastensuojeluilmoituksen</source>
        <translation>barnskyddsanmälan</translation>
    </message>
    <message>
        <source>asiakasasian siirron jatkotoimia varten</source>
        <translation>för fortsatta åtgärder i klientärendet</translation>
    </message>
    <message>
        <source>Puhelinmuistio: soita {unit}, puh. {phone}. Kerro, että sosiaalipäivystys lähetti faksilla {what} numeroon {fax}. Pyydä vahvistamaan, että faksi tuli perille kokonaan, ja kysy, kuka ottaa asian hoitaakseen.</source>
        <translation>Telefonpromemoria: ring {unit}, tfn {phone}. Berätta att socialjouren har faxat {what} till numret {fax}. Be dem bekräfta att faxet kom fram i sin helhet, och fråga vem som tar hand om ärendet.</translation>
    </message>
    <message>
        <source>Tallennettu, mutta EI VIELÄ LÄHETETTY. {name} ei ota tätä vastaan järjestelmän kautta: tulosta faksi, faksaa se numeroon {fax} ja soita {phone}. Merkitse se sitten lähetetyksi (Avoimet siirrot, Ctrl+J).</source>
        <translation>Sparat, men ÄNNU INTE SKICKAT. {name} tar inte emot detta via systemet: skriv ut faxet, faxa det till numret {fax} och ring {phone}. Markera det sedan som skickat (Öppna överföringar, Ctrl+J).</translation>
    </message>
    <message>
        <source>Siirto tallennettu lähteviin. Se lähtee sisäisenä postina virka-aikaiselle ({where}: {unit}); saat ilmoituksen, kun se on perillä.</source>
        <translation>Överföringen sparad i utkorgen. Den skickas som internpost till arbetstagaren under tjänstetid ({where}: {unit}); du får ett meddelande när den har kommit fram.</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus tallennettu lähteviin. Se lähtee lastensuojeluun ({where}); saat ilmoituksen, kun se on perillä.</source>
        <translation>Barnskyddsanmälan sparad i utkorgen. Den skickas till barnskyddet ({where}); du får ett meddelande när den har kommit fram.</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus toimitettu: {where} (tunniste {record}).</source>
        <translation>Barnskyddsanmälan levererad: {where} (kod {record}).</translation>
    </message>
    <message>
        <source>Siirto toimitettu virka-aikaiselle sisäisenä postina: {where} (tunniste {record}).</source>
        <translation>Överföringen levererad till arbetstagaren under tjänstetid som internpost: {where} (kod {record}).</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation>Barnskyddsanmälan</translation>
    </message>
    <message>
        <source>Siirto</source>
        <translation>Överföring</translation>
    </message>
    <message>
        <source>{what} on tallessa lähtevissä ja lähtee automaattisesti, kun {name} on taas tavoitettavissa ({system}). Sinun ei tarvitse tehdä mitään.</source>
        <translation>{what} finns i utkorgen och skickas automatiskt när {name} åter kan nås ({system}). Du behöver inte göra något.</translation>
    </message>
    <message>
        <source>siirron</source>
        <translation>överföringen</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä hylkäsi {what} ({where}): {reason}. Se odottaa lähtevissä (Ctrl+L). Hoida asia puhelimitse virka-aikaiselle: {unit}, puh. {phone}.</source>
        <translation>Klientdatasystemet avvisade {what} ({where}): {reason}. Den väntar i utkorgen (Ctrl+L). Sköt ärendet per telefon med arbetstagaren under tjänstetid: {unit}, tfn {phone}.</translation>
    </message>
    <message>
        <source>Tallennus ei onnistunut: levy on täynnä tai siinä on virhe.</source>
        <translation>Sparandet misslyckades: disken är full eller har ett fel.</translation>
    </message>
    <message>
        <source>Tallennus lähteviin ei onnistunut.</source>
        <translation>Sparandet i utkorgen misslyckades.</translation>
    </message>
    <message>
        <source>Tallennus ei onnistunut odottamattoman virheen vuoksi.</source>
        <translation>Sparandet misslyckades på grund av ett oväntat fel.</translation>
    </message>
    <message>
        <source>Mitään ei tallennettu; teksti on tallessa lomakkeella. Yritä uudelleen; jos virhe toistuu, ota yhteys tukeen.</source>
        <translation>Ingenting sparades; texten finns kvar på blanketten. Försök igen; om felet upprepas, kontakta supporten.</translation>
    </message>
    <message>
        <source>faksattava ja soitettava</source>
        <translation>ska faxas och ringas</translation>
    </message>
    <message>
        <source>odottaa lähetystä</source>
        <translation>väntar på att skickas</translation>
    </message>
    <message>
        <source>lähetetään</source>
        <translation>skickas</translation>
    </message>
    <message>
        <source>hylätty – vaatii toimia</source>
        <translation>avvisad – kräver åtgärder</translation>
    </message>
    <message>
        <source>siirto virka-aikaiselle</source>
        <translation>överföring till tjänstetid</translation>
    </message>
    <message>
        <source>lastensuojeluilmoitus</source>
        <translation>barnskyddsanmälan</translation>
    </message>
    <message>
        <source>faksi (sisältöä ei voi lukea)</source>
        <translation>fax (innehållet kan inte läsas)</translation>
    </message>
    <message>
        <source>sisäinen posti</source>
        <translation>internpost</translation>
    </message>
    <message>
        <source>järjestelmään</source>
        <translation>till systemet</translation>
    </message>
    <message>
        <source>faksi ja puhelu</source>
        <translation>fax och samtal</translation>
    </message>
    <message>
        <source>Henkilötunnuksen mukaan henkilö oli {age}-vuotias, kun ilmoitus vastaanotettiin. Lastensuojeluilmoitus koskee vain alle 18-vuotiasta lasta: tarkista tunnus ilmoittajalta. Aikuista koskeva huoli kirjataan kirjauksena (Ctrl+N).</source>
        <translation>Enligt personbeteckningen var personen {age} år när anmälan togs emot. En barnskyddsanmälan gäller endast barn under 18 år: kontrollera beteckningen med anmälaren. Oro som gäller en vuxen antecknas som en anteckning (Ctrl+N).</translation>
    </message>
    <message>
        <source>Väestötietojärjestelmä ei tunne tätä henkilötunnusta: tarkista kotikunta ilmoittajalta ja valitse se.</source>
        <translation>Befolkningsdatasystemet känner inte till denna personbeteckning: kontrollera hemkommunen med anmälaren och välj den.</translation>
    </message>
    <message>
        <source>Väestötietojärjestelmän mukaan lapsen kotikunta on kunta {code}, joka ei kuulu tämän päivystyksen kuntiin: toimita ilmoitus sinne puhelimella tai faksilla.</source>
        <translation>Enligt befolkningsdatasystemet är barnets hemkommun kommunen {code}, som inte hör till denna jours kommuner: förmedla anmälan dit per telefon eller fax.</translation>
    </message>
    <message>
        <source>Väestötietojärjestelmän mukaan lapsen kotikunta on {name}.</source>
        <translation>Enligt befolkningsdatasystemet är barnets hemkommun {name}.</translation>
    </message>
    <message>
        <source>Kotikuntaa ei saatu väestötietojärjestelmästä: valitse kunta itse.</source>
        <translation>Hemkommunen kunde inte fås från befolkningsdatasystemet: välj kommunen själv.</translation>
    </message>
    <message>
        <source>Kirjoita, mitä tapahtui: ilmoitus tarvitsee kuvauksen.</source>
        <translation>Skriv vad som hände: anmälan behöver en beskrivning.</translation>
    </message>
    <message>
        <source>Kirjoita ilmoittajan organisaatio (esimerkiksi Poliisi).</source>
        <translation>Skriv anmälarens organisation (till exempel Polisen).</translation>
    </message>
    <message>
        <source>Päivystäjän nimi puuttuu tämän koneen asetuksista. Ota yhteys tukeen.</source>
        <translation>Den jourhavandes namn saknas i denna dators inställningar. Kontakta supporten.</translation>
    </message>
    <message>
        <source>Tarkista lapsen henkilötunnus.</source>
        <translation>Kontrollera barnets personbeteckning.</translation>
    </message>
    <message>
        <source>Tarkista ilmoituksen tiedot.</source>
        <translation>Kontrollera anmälans uppgifter.</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Siirto virka-aikaiselle – {name}</source>
        <translation>Överföring till tjänstetid – {name}</translation>
    </message>
    <message>
        <source>Asiakas: {name}, {hetu} – {where}</source>
        <translation>Klient: {name}, {hetu} – {where}</translation>
    </message>
    <message>
        <source>Tarkistetaan lähetystapaa…</source>
        <translation>Sändningssättet kontrolleras…</translation>
    </message>
    <message>
        <source>Lähetystapa</source>
        <translation>Sändningssätt</translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation>Vad hände</translation>
    </message>
    <message>
        <source>Tarvittavat jatkotoimet</source>
        <translation>Fortsatta åtgärder som behövs</translation>
    </message>
    <message>
        <source>Tallenna siirto (Ctrl+Enter)</source>
        <translation>Spara överföringen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Tallenna siirto</source>
        <translation>Spara överföringen</translation>
    </message>
    <message>
        <source>Peruuta</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Peruuta siirto</source>
        <translation>Avbryt överföringen</translation>
    </message>
    <message>
        <source>Vastaanottaja:</source>
        <translation>Mottagare:</translation>
    </message>
    <message>
        <source>Lähetystapa:</source>
        <translation>Sändningssätt:</translation>
    </message>
    <message>
        <source>&amp;Mitä tapahtui:</source>
        <translation>&amp;Vad hände:</translation>
    </message>
    <message>
        <source>&amp;Jatkotoimet:</source>
        <translation>&amp;Fortsatta åtgärder:</translation>
    </message>
    <message>
        <source>Siirtäjä:</source>
        <translation>Överförd av:</translation>
    </message>
    <message>
        <source>Selviää, kun lähtevät ovat auki.</source>
        <translation>Klarnar när utkorgen är öppen.</translation>
    </message>
    <message>
        <source>Kirjoita, mitä tapahtui: siirto tarvitsee tekstin.</source>
        <translation>Skriv vad som hände: överföringen behöver en text.</translation>
    </message>
    <message>
        <source>Tallennetaan…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Sulje</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Siirto: {label}</source>
        <translation>Överföring: {label}</translation>
    </message>
    <message>
        <source>Päivystäjän nimi puuttuu tämän koneen asetuksista. Ota yhteys tukeen.</source>
        <translation>Den jourhavandes namn saknas i denna dators inställningar. Kontakta supporten.</translation>
    </message>
    <message>
        <source>Siirtoa tallennetaan. Odota hetki.</source>
        <translation>Överföringen sparas. Vänta ett ögonblick.</translation>
    </message>
    <message>
        <source>Hylätäänkö siirto?</source>
        <translation>Kassera överföringen?</translation>
    </message>
    <message>
        <source>Siirtoa ei ole tallennettu. Hylätäänkö kirjoitettu teksti?</source>
        <translation>Överföringen har inte sparats. Kassera den skrivna texten?</translation>
    </message>
</context>
<context>
    <name>HandoffList</name>
    <message>
        <source>Avoimet siirrot ja ilmoitukset</source>
        <translation>Öppna överföringar och anmälningar</translation>
    </message>
    <message>
        <source>Avoimet siirrot</source>
        <translation>Öppna överföringar</translation>
    </message>
    <message>
        <source>Asiakas ja aika</source>
        <translation>Klient och tid</translation>
    </message>
    <message>
        <source>Kunta</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Lähetystapa</source>
        <translation>Sändningssätt</translation>
    </message>
    <message>
        <source>Tila</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Faksi / puhelin</source>
        <translation>Fax / telefon</translation>
    </message>
    <message>
        <source>Tulosta faksi</source>
        <translation>Skriv ut faxet</translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi…</source>
        <translation>Markera som skickat…</translation>
    </message>
    <message>
        <source>Ei avoimia siirtoja eikä ilmoituksia.</source>
        <translation>Inga öppna överföringar eller anmälningar.</translation>
    </message>
    <message>
        <source>Avoinna {count}, joista faksattavia {faxes}: tulosta, faksaa, soita ja merkitse lähetetyksi ennen vuoron loppua.</source>
        <translation>Öppna {count}, varav {faxes} ska faxas: skriv ut, faxa, ring och markera som skickade före arbetspassets slut.</translation>
    </message>
    <message>
        <source>Avoinna {count}; ne lähtevät automaattisesti.</source>
        <translation>Öppna {count}; de skickas automatiskt.</translation>
    </message>
    <message>
        <source>Avoimia siirtoja ei voitu lukea. Yritä uudelleen.</source>
        <translation>De öppna överföringarna kunde inte läsas. Försök igen.</translation>
    </message>
    <message>
        <source>faksi {fax}, puh. {phone}</source>
        <translation>fax {fax}, tfn {phone}</translation>
    </message>
    <message>
        <source>faksi {fax}</source>
        <translation>fax {fax}</translation>
    </message>
    <message>
        <source>{label} – {name}, faksi {fax}</source>
        <translation>{label} – {name}, fax {fax}</translation>
    </message>
</context>
<context>
    <name>ItemLabel</name>
    <message>
        <source>kirjaus</source>
        <translation>anteckning</translation>
    </message>
    <message>
        <source>jatkotoimet</source>
        <translation>fortsatta åtgärder</translation>
    </message>
    <message>
        <source>lastensuojeluilmoitus</source>
        <translation>barnskyddsanmälan</translation>
    </message>
    <message>
        <source>käyttö: haku</source>
        <translation>användning: sökning</translation>
    </message>
    <message>
        <source>käyttö: katselu</source>
        <translation>användning: visning</translation>
    </message>
    <message>
        <source>käyttö: kirjaus</source>
        <translation>användning: anteckning</translation>
    </message>
    <message>
        <source>käyttö: ilmoitus</source>
        <translation>användning: anmälan</translation>
    </message>
    <message>
        <source>käyttö: tulostus</source>
        <translation>användning: utskrift</translation>
    </message>
    <message>
        <source>käyttö: siirto</source>
        <translation>användning: överföring</translation>
    </message>
    <message>
        <source>tunnukseton</source>
        <translation>utan beteckning</translation>
    </message>
</context>
<context>
    <name>ItemListDialog</name>
    <message>
        <source>Sulje</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Lähtevät eivät ole käytössä (katso punainen ilmoitus).</source>
        <translation>Utkorgen är inte i bruk (se det röda meddelandet).</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Kieli</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Kieli tallennettu: se vaihtuu, kun Päivystys käynnistetään seuraavan kerran.</source>
        <translation>Språket har sparats: det byts när Päivystys startas nästa gång.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Päivystys on lukittu</source>
        <translation>Päivystys är låst</translation>
    </message>
    <message>
        <source>Päivystäjä: {worker}</source>
        <translation>Jourhavande: {worker}</translation>
    </message>
    <message>
        <source>Lukituksen tila</source>
        <translation>Låsningens status</translation>
    </message>
    <message>
        <source>&amp;PIN-koodi:</source>
        <translation>&amp;PIN-kod:</translation>
    </message>
    <message>
        <source>PIN-koodi</source>
        <translation>PIN-kod</translation>
    </message>
    <message>
        <source>&amp;Avaa</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <source>Avaa lukitus</source>
        <translation>Lås upp</translation>
    </message>
    <message>
        <source>&amp;Kirjaudu</source>
        <translation>&amp;Logga in</translation>
    </message>
    <message>
        <source>Kirjaudu uudelleen</source>
        <translation>Logga in igen</translation>
    </message>
    <message>
        <source>Kirjaudu organisaation tunnuksilla uudelleen.</source>
        <translation>Logga in på nytt med organisationens inloggningsuppgifter.</translation>
    </message>
    <message>
        <source>&amp;Lopeta</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Lopeta Päivystys</source>
        <translation>Avsluta Päivystys</translation>
    </message>
    <message>
        <source>Sulje Päivystys. Lähtevät odottavat salattuina seuraavaan käynnistykseen.</source>
        <translation>Stäng Päivystys. Utkorgen väntar krypterad till nästa start.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Päivystys</source>
        <translation>Päivystys</translation>
    </message>
    <message>
        <source>HARJOITTELU</source>
        <translation>ÖVNING</translation>
    </message>
    <message>
        <source>HARJOITTELU – harjoitusjärjestelmät ja keksityt asiakkaat.</source>
        <translation>ÖVNING – övningssystem och påhittade klienter.</translation>
    </message>
    <message>
        <source>Tallennetut kirjaukset:</source>
        <translation>Sparade anteckningar:</translation>
    </message>
    <message>
        <source>Harjoittelutila</source>
        <translation>Övningsläge</translation>
    </message>
    <message>
        <source>&amp;Päivystys</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>&amp;Hae asiakas</source>
        <translation>&amp;Sök klient</translation>
    </message>
    <message>
        <source>&amp;Vaihda kotikuntaan</source>
        <translation>&amp;Byt till hemkommunen</translation>
    </message>
    <message>
        <source>&amp;Uusi kirjaus</source>
        <translation>&amp;Ny anteckning</translation>
    </message>
    <message>
        <source>Uusi &amp;asiakas tähän kuntaan</source>
        <translation>Ny &amp;klient i denna kommun</translation>
    </message>
    <message>
        <source>Henkilö &amp;ilman henkilötunnusta…</source>
        <translation>Person &amp;utan personbeteckning…</translation>
    </message>
    <message>
        <source>&amp;Tulosta kirjaus</source>
        <translation>Skriv ut anteckning&amp;en</translation>
    </message>
    <message>
        <source>&amp;Lähtevät</source>
        <translation>Utk&amp;org</translation>
    </message>
    <message>
        <source>L&amp;uonnokset</source>
        <translation>U&amp;tkast</translation>
    </message>
    <message>
        <source>&amp;Kirjaudu…</source>
        <translation>&amp;Logga in…</translation>
    </message>
    <message>
        <source>&amp;Lopeta</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Kunta</source>
        <translation>&amp;Kommun</translation>
    </message>
    <message>
        <source>&amp;Harjoittelu</source>
        <translation>Ö&amp;vning</translation>
    </message>
    <message>
        <source>&amp;Ohje</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Pikanäppäimet</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>&amp;Viimeisimmät viestit</source>
        <translation>&amp;Senaste meddelanden</translation>
    </message>
    <message>
        <source>&amp;Yhteys</source>
        <translation>&amp;Förbindelse</translation>
    </message>
    <message>
        <source>&amp;Avaa VPN-yhteys</source>
        <translation>&amp;Öppna VPN-förbindelsen</translation>
    </message>
    <message>
        <source>VPN-yhteyden avauskomentoa ei ole määritetty tämän koneen asetuksissa (policy: vpn.connect_command). Avaa VPN tavalliseen tapaan tai ota yhteys tukeen.</source>
        <translation>Kommandot för att öppna VPN-förbindelsen har inte angetts i denna dators inställningar (policy: vpn.connect_command). Öppna VPN på vanligt sätt eller kontakta supporten.</translation>
    </message>
    <message>
        <source>&amp;Tarkista yhteydet nyt</source>
        <translation>&amp;Kontrollera förbindelserna nu</translation>
    </message>
    <message>
        <source>Päivystäjä: {worker} · {unit}</source>
        <translation>Jourhavande: {worker} · {unit}</translation>
    </message>
    <message>
        <source>Päivystäjä: {worker}</source>
        <translation>Jourhavande: {worker}</translation>
    </message>
    <message>
        <source>Ei kotikuntaehdotusta: hae ensin henkilötunnuksella.</source>
        <translation>Inget förslag på hemkommun: sök först med personbeteckning.</translation>
    </message>
    <message>
        <source>Kotikuntaan vaihto sulkee avoimen kirjauksen.</source>
        <translation>Bytet till hemkommunen stänger den öppna anteckningen.</translation>
    </message>
    <message>
        <source>Kirjausta tallennetaan. Vaihda kuntaa, kun tallennus on valmis.</source>
        <translation>Anteckningen sparas. Byt kommun när sparandet är klart.</translation>
    </message>
    <message>
        <source>Kunnan vaihto sulkee avoimen kirjauksen.</source>
        <translation>Bytet av kommun stänger den öppna anteckningen.</translation>
    </message>
    <message>
        <source>Kunta: {name}.</source>
        <translation>Kommun: {name}.</translation>
    </message>
    <message>
        <source>VPN-yhteys avattu. Tarkistetaan kuntien järjestelmiä…</source>
        <translation>VPN-förbindelsen öppnad. Kommunernas system kontrolleras…</translation>
    </message>
    <message>
        <source>VPN-yhteyttä ei saatu avattua ({detail}). Avaa VPN tavalliseen tapaan; jos se ei onnistu, ota yhteys tukeen.</source>
        <translation>VPN-förbindelsen kunde inte öppnas ({detail}). Öppna VPN på vanligt sätt; om det inte lyckas, kontakta supporten.</translation>
    </message>
    <message>
        <source>Harjoittelu: {name} on taas verkossa.</source>
        <translation>Övning: {name} är åter i nätet.</translation>
    </message>
    <message>
        <source>Harjoittelu: {name} on nyt poissa verkosta, kuin VPN olisi katki.</source>
        <translation>Övning: {name} är nu utan nät, som om VPN vore nere.</translation>
    </message>
    <message>
        <source>Harjoituspalvelin ei vastannut. Yritä uudelleen.</source>
        <translation>Övningsservern svarade inte. Försök igen.</translation>
    </message>
    <message>
        <source>Odottamaton virhe. Yritä uudelleen; jos virhe toistuu, ilmoita IT-tukeen.</source>
        <translation>Oväntat fel. Försök igen; om felet upprepas, meddela IT-supporten.</translation>
    </message>
    <message>
        <source>Päivystys suljetaan.</source>
        <translation>Päivystys stängs.</translation>
    </message>
    <message>
        <source>Ei tallentamattomia luonnoksia.</source>
        <translation>Inga osparade utkast.</translation>
    </message>
    <message>
        <source>Tallenna tai sulje avoin kirjaus ennen luonnosta.</source>
        <translation>Spara eller stäng den öppna anteckningen före utkastet.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Viestit</source>
        <translation>Meddelanden</translation>
    </message>
    <message>
        <source>Lisäksi 1 kuittaamaton viesti: Ctrl+Shift+M.</source>
        <translation>Dessutom 1 okvitterat meddelande: Ctrl+Shift+M.</translation>
    </message>
    <message>
        <source>Lisäksi {n} kuittaamatonta viestiä: Ctrl+Shift+M.</source>
        <translation>Dessutom {n} okvitterade meddelanden: Ctrl+Shift+M.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Kirjoita asiakkaan henkilötunnus.</source>
        <translation>Skriv klientens personbeteckning.</translation>
    </message>
    <message>
        <source>Henkilötunnus on vielä kesken: siinä on 11 merkkiä (PPKKVV-NNNT).</source>
        <translation>Personbeteckningen är inte färdig: den har 11 tecken (DDMMÅÅ-NNNK).</translation>
    </message>
    <message>
        <source>Henkilötunnuksen muoto ei kelpaa. Muoto on PPKKVV, välimerkki (+, -, U–Y tai A–F) ja NNNT.</source>
        <translation>Personbeteckningens format duger inte. Formatet är DDMMÅÅ, skiljetecken (+, -, U–Y eller A–F) och NNNK.</translation>
    </message>
    <message>
        <source>Henkilötunnuksen syntymäaika tai välimerkki ei kelpaa. Tarkista päivä, kuukausi ja välimerkki.</source>
        <translation>Personbeteckningens födelsedatum eller skiljetecken duger inte. Kontrollera dag, månad och skiljetecken.</translation>
    </message>
    <message>
        <source>Henkilötunnuksen tarkistusmerkki ei täsmää. Tarkista tunnus asiakkaalta tai ilmoittajalta.</source>
        <translation>Personbeteckningens kontrolltecken stämmer inte. Kontrollera beteckningen med klienten eller anmälaren.</translation>
    </message>
    <message>
        <source>Väliaikainen tunnus (yksilönumero 900–999): varmista asiakkaan henkilöllisyys.</source>
        <translation>Tillfällig beteckning (individnummer 900–999): försäkra dig om klientens identitet.</translation>
    </message>
    <message>
        <source>Valitse ensin asiakkaan kunta (Ctrl+1…Ctrl+9 tai luettelosta).</source>
        <translation>Välj först klientens kommun (Ctrl+1…Ctrl+9 eller ur listan).</translation>
    </message>
    <message>
        <source>Henkilö ei ole asiakas ({where}). Tarkista henkilötunnus ja valittu kunta: asiakas voi kuulua toisen kunnan järjestelmään.</source>
        <translation>Personen är inte klient ({where}). Kontrollera personbeteckningen och den valda kommunen: klienten kan höra till en annan kommuns system.</translation>
    </message>
    <message>
        <source>Uutena asiakkaana: Ctrl+Shift+N.</source>
        <translation>Som ny klient: Ctrl+Shift+N.</translation>
    </message>
    <message>
        <source>Henkilö ei ole tämän kunnan asiakas. Kirjaa hänet uutena asiakkaana (Uusi asiakas, Ctrl+Shift+N) tai tarkista kunta.</source>
        <translation>Personen är inte klient i denna kommun. Anteckna personen som ny klient (Ny klient, Ctrl+Shift+N) eller kontrollera kommunen.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmään ei saada yhteyttä ({where}). Tarkista VPN-yhteys ja yritä uudelleen. Jos vika jatkuu, soita kunnan IT-tukeen: {helpdesk}.</source>
        <translation>Ingen förbindelse till klientdatasystemet ({where}). Kontrollera VPN-förbindelsen och försök igen. Om felet fortsätter, ring kommunens IT-support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä ei vastannut ajoissa ({where}). Yritä hetken kuluttua uudelleen.</source>
        <translation>Klientdatasystemet svarade inte i tid ({where}). Försök igen om en stund.</translation>
    </message>
    <message>
        <source>Kirjaudu ensin ({where}): paina Ctrl+Shift+K. Kirjoittamasi teksti säilyy; odottavat kirjaukset lähtevät kirjautumisen jälkeen.</source>
        <translation>Logga in först ({where}): tryck Ctrl+Shift+K. Texten du skrivit finns kvar; väntande anteckningar skickas efter inloggningen.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä ei hyväksynyt tunnuksiasi ({where}). Tarkista käyttäjätunnus (muoto {login}) ja salasana; tarvittaessa soita IT-tukeen: {helpdesk}.</source>
        <translation>Klientdatasystemet godkände inte dina inloggningsuppgifter ({where}). Kontrollera användarnamnet (formatet {login}) och lösenordet; ring vid behov IT-supporten: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä hylkäsi pyynnön ({where}): {reason}</source>
        <translation>Klientdatasystemet avvisade begäran ({where}): {reason}</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmässä on vika ({where}). Yritä hetken kuluttua uudelleen; jos vika jatkuu, soita kunnan IT-tukeen: {helpdesk}.</source>
        <translation>Det är fel på klientdatasystemet ({where}). Försök igen om en stund; om felet fortsätter, ring kommunens IT-support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Odottamaton virhe ({where}). Yritä uudelleen; jos virhe toistuu, ilmoita IT-tukeen: {helpdesk}.</source>
        <translation>Oväntat fel ({where}). Försök igen; om felet upprepas, meddela IT-supporten: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne ei ole luotettu ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation>Klientdatasystemets certifikat är inte betrott ({where}), så förbindelsen öppnades inte och ingenting skickades. Kontakta kommunens IT-support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne on vanhentunut tai ei vielä voimassa ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Tarkista tietokoneen päivämäärä ja kellonaika; jos ne ovat oikein, ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation>Klientdatasystemets certifikat har gått ut eller är ännu inte giltigt ({where}), så förbindelsen öppnades inte och ingenting skickades. Kontrollera datorns datum och klockslag; om de är rätt, kontakta kommunens IT-support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne on annettu toiselle palvelimelle ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation>Klientdatasystemets certifikat har utfärdats för en annan server ({where}), så förbindelsen öppnades inte och ingenting skickades. Kontakta kommunens IT-support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne ei ole se, jonka työaseman asetukset hyväksyvät ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation>Klientdatasystemets certifikat är inte det som arbetsstationens inställningar godkänner ({where}), så förbindelsen öppnades inte och ingenting skickades. Kontakta kommunens IT-support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Työaseman asetuksissa on virhe yhteydessä asiakastietojärjestelmään ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys IT-tukeen: {helpdesk}.</source>
        <translation>Arbetsstationens inställningar för förbindelsen till klientdatasystemet är felaktiga ({where}), så förbindelsen öppnades inte och ingenting skickades. Kontakta IT-supporten: {helpdesk}.</translation>
    </message>
</context>
<context>
    <name>MunicipalitySwitcher</name>
    <message>
        <source>Kunta</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Asiakkaan kunta; Ctrl+1…Ctrl+9 valitsee kunnan järjestyksessä.</source>
        <translation>Klientens kommun; Ctrl+1…Ctrl+9 väljer kommunerna i ordning.</translation>
    </message>
    <message>
        <source>{name}: {system}, {status}</source>
        <translation>{name}: {system}, {status}</translation>
    </message>
    <message>
        <source>odottaa lähtevissä: {count}</source>
        <translation>väntar i utkorgen: {count}</translation>
    </message>
    <message>
        <source>toimitettu viimeksi {when}</source>
        <translation>senast levererat {when}</translation>
    </message>
</context>
<context>
    <name>NotificationFields</name>
    <message>
        <source>Lastensuojelulaki (417/2007) 25 § – ilmoitusvelvollisuus. Päivystys välittää ilmoituksen viipymättä lapsen kotikunnan lastensuojeluun.</source>
        <translation>Barnskyddslagen (417/2007) 25 § – anmälningsskyldighet. Jouren förmedlar anmälan utan dröjsmål till barnskyddet i barnets hemkommun.</translation>
    </message>
    <message>
        <source>Lapsen henkilötunnus</source>
        <translation>Barnets personbeteckning</translation>
    </message>
    <message>
        <source>PPKKVV-NNNT</source>
        <translation>DDMMÅÅ-NNNK</translation>
    </message>
    <message>
        <source>Lapsen sukunimi</source>
        <translation>Barnets efternamn</translation>
    </message>
    <message>
        <source>Lapsen etunimet</source>
        <translation>Barnets förnamn</translation>
    </message>
    <message>
        <source>Ilmoittajan organisaatio</source>
        <translation>Anmälarens organisation</translation>
    </message>
    <message>
        <source>Poliisi</source>
        <translation>Polisen</translation>
    </message>
    <message>
        <source>Ilmoittaja</source>
        <translation>Anmälare</translation>
    </message>
    <message>
        <source>Ilmoittajan puhelin</source>
        <translation>Anmälarens telefon</translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation>Vad hände</translation>
    </message>
    <message>
        <source>Kiireellisyys</source>
        <translation>Brådska</translation>
    </message>
    <message>
        <source>– valitse –</source>
        <translation>– välj –</translation>
    </message>
    <message>
        <source>Kiireellinen</source>
        <translation>Brådskande</translation>
    </message>
    <message>
        <source>Ei kiireellinen</source>
        <translation>Inte brådskande</translation>
    </message>
    <message>
        <source>Lapselle kerrottu</source>
        <translation>Barnet har informerats</translation>
    </message>
    <message>
        <source>Huoltajille kerrottu</source>
        <translation>Vårdnadshavarna har informerats</translation>
    </message>
    <message>
        <source>Vastaanotettu</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Lapsen kotikunta</source>
        <translation>Barnets hemkommun</translation>
    </message>
    <message>
        <source>– valitse kunta –</source>
        <translation>– välj kommun –</translation>
    </message>
    <message>
        <source>Lähetystapa</source>
        <translation>Sändningssätt</translation>
    </message>
    <message>
        <source>Lapsen &amp;henkilötunnus:</source>
        <translation>Barnets &amp;personbeteckning:</translation>
    </message>
    <message>
        <source>Lapsen sukunimi:</source>
        <translation>Barnets efternamn:</translation>
    </message>
    <message>
        <source>Lapsen etunimet:</source>
        <translation>Barnets förnamn:</translation>
    </message>
    <message>
        <source>Ilmoittajan organisaatio:</source>
        <translation>Anmälarens organisation:</translation>
    </message>
    <message>
        <source>Ilmoittaja:</source>
        <translation>Anmälare:</translation>
    </message>
    <message>
        <source>Ilmoittajan puhelin:</source>
        <translation>Anmälarens telefon:</translation>
    </message>
    <message>
        <source>&amp;Mitä tapahtui:</source>
        <translation>&amp;Vad hände:</translation>
    </message>
    <message>
        <source>Kiireellisyys:</source>
        <translation>Brådska:</translation>
    </message>
    <message>
        <source>Lapselle kerrottu:</source>
        <translation>Barnet har informerats:</translation>
    </message>
    <message>
        <source>Huoltajille kerrottu:</source>
        <translation>Vårdnadshavarna har informerats:</translation>
    </message>
    <message>
        <source>Vastaanotettu:</source>
        <translation>Mottagen:</translation>
    </message>
    <message>
        <source>Vastaanottaja:</source>
        <translation>Mottagare:</translation>
    </message>
    <message>
        <source>Lapsen &amp;kotikunta:</source>
        <translation>Barnets &amp;hemkommun:</translation>
    </message>
    <message>
        <source>Lähetystapa:</source>
        <translation>Sändningssätt:</translation>
    </message>
    <message>
        <source>Ei tiedossa</source>
        <translation>Okänt</translation>
    </message>
    <message>
        <source>Kyllä</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Ei</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>”Ei tiedossa” välitetään sellaisenaan: ei oleteta kumpaakaan.</source>
        <translation>”Okänt” förmedlas som sådant: varken det ena eller det andra antas.</translation>
    </message>
</context>
<context>
    <name>NotificationForm</name>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation>Barnskyddsanmälan</translation>
    </message>
    <message>
        <source>Välitä ilmoitus (Ctrl+Enter)</source>
        <translation>Förmedla anmälan (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Välitä ilmoitus</source>
        <translation>Skicka anmälan</translation>
    </message>
    <message>
        <source>Peruuta</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Peruuta ilmoitus</source>
        <translation>Avbryt anmälan</translation>
    </message>
    <message>
        <source>Kysytään kotikuntaa väestötietojärjestelmästä…</source>
        <translation>Hemkommunen hämtas från befolkningsdatasystemet…</translation>
    </message>
    <message>
        <source>Selviää, kun lähtevät ovat auki.</source>
        <translation>Klarnar när utkorgen är öppen.</translation>
    </message>
    <message>
        <source>Tarkistetaan lähetystapaa…</source>
        <translation>Sändningssättet kontrolleras…</translation>
    </message>
    <message>
        <source>Valitse lapsen kotikunta.</source>
        <translation>Välj barnets hemkommun.</translation>
    </message>
    <message>
        <source>Valitse, onko ilmoitus kiireellinen.</source>
        <translation>Välj om anmälan är brådskande.</translation>
    </message>
    <message>
        <source>Sulje</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus: {label}</source>
        <translation>Barnskyddsanmälan: {label}</translation>
    </message>
    <message>
        <source>Ilmoitusta tallennetaan. Odota hetki.</source>
        <translation>Anmälan sparas. Vänta ett ögonblick.</translation>
    </message>
    <message>
        <source>Hylätäänkö ilmoitus?</source>
        <translation>Kassera anmälan?</translation>
    </message>
    <message>
        <source>Ilmoitusta ei ole välitetty. Hylätäänkö kirjoitetut tiedot?</source>
        <translation>Anmälan har inte förmedlats. Kassera de skrivna uppgifterna?</translation>
    </message>
</context>
<context>
    <name>OutagePractice</name>
    <message>
        <source>Katkaise yhteys: {name}</source>
        <translation>Bryt förbindelsen: {name}</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>lähtevät: EI AVATTU ({code}): {detail}</source>
        <translation>utkorg: INTE ÖPPNAD ({code}): {detail}</translation>
    </message>
    <message>
        <source>  profiili: {profile}; siellä ei muutettu mitään.</source>
        <translation>  profil: {profile}; ingenting ändrades där.</translation>
    </message>
    <message>
        <source>  tehtävä: kopioi outbox.db, outbox.db-wal ja outbox.db-shm hakemistosta {profile} talteen (varmuuskopioksi; älä poista mitään) ja aja sitten &apos;{command}&apos;.</source>
        <translation>  att göra: kopiera outbox.db, outbox.db-wal och outbox.db-shm från {profile} åt sidan (en säkerhetskopia; radera ingenting), kör sedan &apos;{command}&apos;.</translation>
    </message>
    <message>
        <source>  oikeudet: {path}: tila on {was}, muut voivat lukea sen; ei muutettavissa</source>
        <translation>  rättigheter: {path} har rättigheterna {was}: andra kan läsa den; kan inte ändras</translation>
    </message>
    <message>
        <source>  oikeudet: {path}: tila oli {was}, muut saattoivat lukea sen; nyt {now}</source>
        <translation>  rättigheter: {path} hade rättigheterna {was}: andra kunde läsa den; nu {now}</translation>
    </message>
    <message>
        <source>kirjoitusloki ehjä ({kept}/{frames} kehystä käytössä)</source>
        <translation>skrivloggen intakt ({kept} av {frames} ramar i bruk)</translation>
    </message>
    <message>
        <source>kirjoitusloki (outbox.db-wal) on vaurioitunut otsakkeestaan ({frames} kehystä), ja {beyond} vahvistettua transaktiota on ehjänä vaurion takana: lähtevien avaaminen hävittäisi ne lopullisesti</source>
        <translation>skrivloggen (outbox.db-wal) är skadad i sitt huvud (av {frames}), och {beyond} bekräftade transaktioner ligger intakta bortom skadan: att öppna utkorgen skulle förlora dem för gott</translation>
    </message>
    <message>
        <source>kirjoitusloki (outbox.db-wal) on vaurioitunut kehyksen {frame}/{frames} kohdalta, ja {beyond} vahvistettua transaktiota on ehjänä vaurion takana: lähtevien avaaminen hävittäisi ne lopullisesti</source>
        <translation>skrivloggen (outbox.db-wal) är skadad vid ram {frame} av {frames}, och {beyond} bekräftade transaktioner ligger intakta bortom skadan: att öppna utkorgen skulle förlora dem för gott</translation>
    </message>
    <message>
        <source>lähtevät: {waiting} odottaa, {sending} lähdössä, {attention} vaatii huomiota, {drafts} luonnos(ta)</source>
        <translation>utkorg: {waiting} väntar, {sending} skickas, {attention} kräver uppmärksamhet, {drafts} utkast</translation>
    </message>
    <message>
        <source>  käyttötapahtumat: {count} toimittamatta rekisterinpitäjien käyttölokeihin; lähtevien poistaminen hävittää ne</source>
        <translation>  åtkomsthändelser: {count} ännu inte levererade till de registeransvarigas åtkomstloggar; tas utkorgen bort förloras de</translation>
    </message>
    <message>
        <source>  luonnokset: {count} tallentamaton(ta) lomake(tta), tarjotaan takaisin, kun sovellus käynnistyy; lähtevien poistaminen hävittää ne</source>
        <translation>  utkast: {count} osparade formulär, erbjuds tillbaka när appen startar; tas utkorgen bort förloras de</translation>
    </message>
    <message>
        <source>  tiedosto: skeema {schema}, salaus {cipher} ({page_size} tavun sivut, {hmac})</source>
        <translation>  fil: schema {schema}, chiffer {cipher} (sidor på {page_size} byte, {hmac})</translation>
    </message>
    <message>
        <source>  {code}: {count} kohde(tta); viimeksi toimitettu {when}</source>
        <translation>  {code}: {count} post(er); senast levererat {when}</translation>
    </message>
    <message>
        <source>ei koskaan</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>  {code}: {count} kohde(tta) PIDÄTETTY: käytäntö nimeää nyt toisen rekisterinpitäjän, järjestelmän tai osoitteen kuin niille tallennettaessa. Jos siirto on tarkoitettu: paivystys outbox confirm-destination --municipality {code}</source>
        <translation>  {code}: {count} post(er) KVARHÅLLNA: policyn anger nu en annan registeransvarig, ett annat system eller en annan adress än de sparades för. Om flytten är avsiktlig: paivystys outbox confirm-destination --municipality {code}</translation>
    </message>
    <message>
        <source>flush: {codes} jäi toimittamatta: toinen lähettäjä (sovellus tai toinen flush) toimittaa sinne; niiden kohteet odottavat sitä</source>
        <translation>flush: {codes} inte levererade: en annan avsändare (appen eller en flush) levererar dit; deras poster väntar på den</translation>
    </message>
    <message>
        <source>flush: mitään ei toimitettu (kaikki oli toisen lähettäjän); yritä myöhemmin</source>
        <translation>flush: ingenting levererades (allt var en annan avsändares); försök senare</translation>
    </message>
    <message>
        <source>flush: {delivered} toimitettu, {retry} odottaa yhä, {attention} vaatii huomiota</source>
        <translation>flush: {delivered} levererade, {retry} väntar fortfarande, {attention} kräver uppmärksamhet</translation>
    </message>
    <message>
        <source>lähtevät: {waiting} odottaa, {attention} vaatii huomiota, {drafts} luonnos(ta)</source>
        <translation>utkorg: {waiting} väntar, {attention} kräver uppmärksamhet, {drafts} utkast</translation>
    </message>
    <message>
        <source>salvage: ei lähteviä hakemistossa {profile}; ei tehtävää</source>
        <translation>salvage: ingen utkorg i {profile}; inget att göra</translation>
    </message>
    <message>
        <source>salvage: lähtevät aukeavat eivätkä ole vaurioituneet; ei tehtävää</source>
        <translation>salvage: utkorgen öppnas och är inte skadad; inget att göra</translation>
    </message>
    <message>
        <source>vaurio: {damage}</source>
        <translation>skada: {damage}</translation>
    </message>
    <message>
        <source>salvage: {items} kohde(tta) ({waiting} odottaa, {attention} vaatii huomiota, {manual} faksi(a)) ja {drafts} luonnos(ta) pelastettu uusiin lähteviin</source>
        <translation>salvage: {items} post(er) ({waiting} väntar, {attention} kräver uppmärksamhet, {manual} fax) och {drafts} utkast räddade till en ny utkorg</translation>
    </message>
    <message>
        <source>  {count} kohde(tta) löytyi vain vauriota edeltäneestä tilasta: ne on ehkä toimitettu tai hylätty sen jälkeen, joten ne odottavat työntekijää (vaatii huomiota) eivätkä lähde itsestään</source>
        <translation>  {count} post(er) hittades endast i tillståndet före skadan: de kan ha levererats eller kasserats sedan dess, så de väntar på arbetstagaren (kräver uppmärksamhet) i stället för att gå av sig själva</translation>
    </message>
    <message>
        <source>  {count} kohteen tai luonnoksen tekijäsarakkeissa ei ole tekijää: säilytetty tekijä tuntemattomana (ei koskaan keksitty); sellaiset kohteet odottavat työntekijää (vaatii huomiota) eivätkä lähde kenenkään kirjautuneen nimissä</source>
        <translation>  {count} post(er) eller utkast hade författarkolumner utan författare: behållna med okänd författare (aldrig påhittad); sådana poster väntar på arbetstagaren (kräver uppmärksamhet) i stället för att gå i namnet på den som loggar in</translation>
    </message>
    <message>
        <source>  {count} kohde(tta) ei voitu lukea (vaurioituneilla sivuilla); niiden idempotenssiavaimet: {keys}</source>
        <translation>  {count} post(er) kunde inte läsas (på skadade sidor); deras idempotensnycklar: {keys}</translation>
    </message>
    <message>
        <source>  vaurioituneet tiedostot siirrettiin (ei poistettu): {moved}</source>
        <translation>  de skadade filerna flyttades (raderades inte) till {moved}</translation>
    </message>
    <message>
        <source>  uudet lähtevät ovat käytössä: {new}</source>
        <translation>  den nya utkorgen är i bruk: {new}</translation>
    </message>
    <message>
        <source>  seuraavaksi: aja &apos;{status}&apos; ja käynnistä sitten sovellus: se toimittaa odottavat. Säilytä {moved}, kunnes kaikki on toimitettu.</source>
        <translation>  nästa steg: kör &apos;{status}&apos;, starta sedan appen: den levererar det som väntar. Behåll {moved} tills allt har levererats.</translation>
    </message>
    <message>
        <source>  uusia lähteviä EI otettu käyttöön: {reason}</source>
        <translation>  den nya utkorgen togs INTE i bruk: {reason}</translation>
    </message>
    <message>
        <source>  uudet lähtevät: {new}</source>
        <translation>  ny utkorg: {new}</translation>
    </message>
    <message>
        <source>  seuraavaksi: sovellus suljettuna siirrä outbox.db, outbox.db-wal ja outbox.db-shm hakemistosta {profile} sivuun toiseen kansioon (älä poista mitään), nimeä {name} nimelle outbox.db ja aja sitten &apos;{status}&apos;</source>
        <translation>  nästa steg: med appen stängd, flytta outbox.db, outbox.db-wal och outbox.db-shm från {profile} till en mapp vid sidan om (radera ingenting), byt namn på {name} till outbox.db, kör sedan &apos;{status}&apos;</translation>
    </message>
    <message>
        <source>confirm-destination: käytännössä ei ole kuntaa {code}</source>
        <translation>confirm-destination: ingen kommun {code} i policyn</translation>
    </message>
    <message>
        <source>confirm-destination: {count} kohde(tta) kunnasta {code} lähtee nyt osoitteeseen {destination}; sovellus tai `paivystys outbox flush` lähettää ne</source>
        <translation>confirm-destination: {count} post(er) från {code} går nu till {destination}; appen eller `paivystys outbox flush` skickar dem</translation>
    </message>
</context>
<context>
    <name>OutboxBanner</name>
    <message>
        <source>Lähtevät eivät ole käytössä</source>
        <translation>Utkorgen är inte i bruk</translation>
    </message>
    <message>
        <source>Yritä uudelleen</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Yritä avata lähtevät uudelleen</source>
        <translation>Försök öppna utkorgen igen</translation>
    </message>
    <message>
        <source>Avataan lähteviä uudelleen…</source>
        <translation>Utkorgen öppnas igen…</translation>
    </message>
</context>
<context>
    <name>OutboxCount</name>
    <message>
        <source>Lähtevät kirjaukset</source>
        <translation>Utgående anteckningar</translation>
    </message>
    <message>
        <source>Avaa lähtevät (Ctrl+L)</source>
        <translation>Öppna utkorgen (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lähtevät: avataan…</source>
        <translation>Utkorg: öppnas…</translation>
    </message>
    <message>
        <source>Lähtevät: ei käytössä</source>
        <translation>Utkorg: inte i bruk</translation>
    </message>
</context>
<context>
    <name>OutboxMessages</name>
    <message>
        <source>Ota yhteys tukeen; tukihenkilö voi ajaa komennon &apos;paivystys doctor&apos;.</source>
        <translation>Kontakta supporten; stödpersonen kan köra kommandot &apos;paivystys doctor&apos;.</translation>
    </message>
    <message>
        <source>Soita tukeen heti; tukihenkilö voi ajaa komennon &apos;paivystys doctor&apos;.</source>
        <translation>Ring supporten genast; stödpersonen kan köra kommandot &apos;paivystys doctor&apos;.</translation>
    </message>
    <message>
        <source>Asiakkaiden haku toimii edelleen.</source>
        <translation>Sökning av klienter fungerar fortfarande.</translation>
    </message>
    <message>
        <source>Lähteviä ei muutettu, ja niissä voi olla vielä toimittamattomia kirjauksia.</source>
        <translation>Utkorgen ändrades inte, och den kan ännu innehålla anteckningar som inte levererats.</translation>
    </message>
    <message>
        <source>Salausavainten säilö (keyring) puuttuu tästä koneesta. Kirjauksia ei voi tallentaa.</source>
        <translation>Nyckelförrådet för krypteringsnycklar (keyring) saknas på denna dator. Anteckningar kan inte sparas.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten salausavain puuttuu avainsäilöstä. Kirjauksia ei voi tallentaa.</source>
        <translation>Krypteringsnyckeln för utgående anteckningar saknas i nyckelförrådet. Anteckningar kan inte sparas.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilö ei aukea tämän koneen salausavaimella. Kirjauksia ei voi tallentaa.</source>
        <translation>Förrådet för utgående anteckningar öppnas inte med denna dators krypteringsnyckel. Anteckningar kan inte sparas.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilön lokitiedosto on vioittunut, ja vian jälkeen on vielä tallennettuja kirjauksia. Säilöä ei avattu, jotta ne eivät katoa. Kirjauksia ei voi tallentaa.</source>
        <translation>Loggfilen för förrådet för utgående anteckningar är skadad, och efter skadan finns ännu sparade anteckningar. Förrådet öppnades inte, så att de inte går förlorade. Anteckningar kan inte sparas.</translation>
    </message>
    <message>
        <source>Soita tukeen heti: tukihenkilö voi pelastaa kirjaukset komennolla &apos;paivystys outbox salvage&apos;. Älä poista ohjelman tiedostoja.</source>
        <translation>Ring supporten genast: stödpersonen kan rädda anteckningarna med kommandot &apos;paivystys outbox salvage&apos;. Ta inte bort programmets filer.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilö on vioittunut. Kirjauksia ei voi tallentaa.</source>
        <translation>Förrådet för utgående anteckningar är skadat. Anteckningar kan inte sparas.</translation>
    </message>
    <message>
        <source>Lähtevät on tallennettu Päivystyksen uudemmalla versiolla, eikä tämä versio voi käyttää niitä. Kirjauksia ei voi tallentaa.</source>
        <translation>Utkorgen har sparats med en nyare version av Päivystys, och denna version kan inte använda den. Anteckningar kan inte sparas.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöön ei voi kirjoittaa: sen tiedosto tai kansio on vain luku -tilassa. Kirjauksia ei voi tallentaa.</source>
        <translation>Det går inte att skriva i förrådet för utgående anteckningar: dess fil eller mapp är skrivskyddad. Anteckningar kan inte sparas.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöä ei voitu lukea tai kirjoittaa (levy täynnä tai levyvirhe). Kirjauksia ei voi tallentaa. Vapauta levytilaa tai ota yhteys tukeen ja valitse sitten Yritä uudelleen.</source>
        <translation>Förrådet för utgående anteckningar kunde inte läsas eller skrivas (disken full eller diskfel). Anteckningar kan inte sparas. Frigör diskutrymme eller kontakta supporten och välj sedan Försök igen.</translation>
    </message>
    <message>
        <source>Salausavainten säilö (keyring) on lukittu tai ei vastannut. Kirjauksia ei voi tallentaa ennen kuin se avataan. Avaa avainsäilön lukitus (esimerkiksi kirjautumalla uudelleen) ja valitse Yritä uudelleen.</source>
        <translation>Nyckelförrådet för krypteringsnycklar (keyring) är låst eller svarade inte. Anteckningar kan inte sparas förrän det öppnas. Lås upp nyckelförrådet (till exempel genom att logga in på nytt) och välj Försök igen.</translation>
    </message>
    <message>
        <source>Salausavainten säilö (keyring) ei toiminut. Kirjauksia ei voi tallentaa. Valitse Yritä uudelleen. Jos vika jatkuu:</source>
        <translation>Nyckelförrådet för krypteringsnycklar (keyring) fungerade inte. Anteckningar kan inte sparas. Välj Försök igen. Om felet fortsätter:</translation>
    </message>
    <message>
        <source>Toinen Päivystys-ikkuna käsittelee lähteviä juuri nyt. Kirjauksia ei voi tallentaa. Valitse hetken kuluttua Yritä uudelleen.</source>
        <translation>Ett annat Päivystys-fönster behandlar utkorgen just nu. Anteckningar kan inte sparas. Välj Försök igen om en stund.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöä ei voitu avata. Kirjauksia ei voi tallentaa.</source>
        <translation>Förrådet för utgående anteckningar kunde inte öppnas. Anteckningar kan inte sparas.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöä avataan vielä. Tallenna uudelleen hetken kuluttua; teksti on tallessa lomakkeella.</source>
        <translation>Förrådet för utgående anteckningar öppnas ännu. Spara på nytt om en stund; texten finns kvar på blanketten.</translation>
    </message>
    <message>
        <source>Kirjausta ei voi tallentaa, koska lähtevien kirjausten säilö ei ole käytössä (katso punainen ilmoitus). Teksti on tallessa lomakkeella; älä sulje ohjelmaa ennen kuin olet kopioinut sen talteen.</source>
        <translation>Anteckningen kan inte sparas, eftersom förrådet för utgående anteckningar inte är i bruk (se det röda meddelandet). Texten finns kvar på blanketten; stäng inte programmet innan du har kopierat den i säkert förvar.</translation>
    </message>
    <message>
        <source>Kirjausta ei voitu tallentaa: levy on täynnä tai siinä on virhe. Mitään ei tallennettu.</source>
        <translation>Anteckningen kunde inte sparas: disken är full eller har ett fel. Ingenting sparades.</translation>
    </message>
    <message>
        <source>Kirjausta ei voitu tallentaa lähteviin. Mitään ei tallennettu.</source>
        <translation>Anteckningen kunde inte sparas i utkorgen. Ingenting sparades.</translation>
    </message>
    <message>
        <source>Kirjausta ei voitu tallentaa odottamattoman virheen vuoksi.</source>
        <translation>Anteckningen kunde inte sparas på grund av ett oväntat fel.</translation>
    </message>
    <message>
        <source>Teksti on tallessa lomakkeella. Yritä uudelleen; jos virhe toistuu, ota yhteys tukeen.</source>
        <translation>Texten finns kvar på blanketten. Försök igen; om felet upprepas, kontakta supporten.</translation>
    </message>
    <message>
        <source>Tästä kirjauksesta oli jo tallennettu aiempi versio lähteviin, eikä muutoksia tallennettu. Tee korjaus lähtevien kautta (Ctrl+L) tai uutena kirjauksena.</source>
        <translation>En tidigare version av denna anteckning hade redan sparats i utkorgen, och ändringarna sparades inte. Gör rättelsen via utkorgen (Ctrl+L) eller som en ny anteckning.</translation>
    </message>
    <message>
        <source>Kirjaus on tallennettu salattuihin lähteviin tälle koneelle. Lähetetään ({where})…</source>
        <translation>Anteckningen har sparats i den krypterade utkorgen på denna dator. Den skickas ({where})…</translation>
    </message>
    <message>
        <source>Kirjaus oli jo tallentunut aiemmalla yrityksellä: {where} (tunniste {record}). Sitä ei tallennettu kahdesti.</source>
        <translation>Anteckningen hade redan sparats vid ett tidigare försök: {where} (kod {record}). Den sparades inte två gånger.</translation>
    </message>
    <message>
        <source>Kirjaus toimitettu: {where} (tunniste {record}).</source>
        <translation>Anteckningen levererad: {where} (kod {record}).</translation>
    </message>
    <message>
        <source>Kirjaus on tallessa lähtevissä ja lähtee automaattisesti, kun {name} on taas tavoitettavissa ({system}). Sinun ei tarvitse tehdä mitään.</source>
        <translation>Anteckningen finns i utkorgen och skickas automatiskt när {name} åter kan nås ({system}). Du behöver inte göra något.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä hylkäsi kirjauksen ({where}): {reason}. Kirjaus odottaa lähtevissä korjausta: avaa lähtevät (Ctrl+L), korjaa ja lähetä uudelleen.</source>
        <translation>Klientdatasystemet avvisade anteckningen ({where}): {reason}. Anteckningen väntar i utkorgen på rättelse: öppna utkorgen (Ctrl+L), rätta och skicka på nytt.</translation>
    </message>
    <message>
        <source>tarkistetaan</source>
        <translation>kontrolleras</translation>
    </message>
    <message>
        <source>tavoitettavissa</source>
        <translation>nåbar</translation>
    </message>
    <message>
        <source>VPN ei yhteyttä</source>
        <translation>ingen VPN-förbindelse</translation>
    </message>
    <message>
        <source>ei verkkoa</source>
        <translation>inget nät</translation>
    </message>
    <message>
        <source>järjestelmä ei vastaa</source>
        <translation>systemet svarar inte</translation>
    </message>
    <message>
        <source>1 kunta</source>
        <translation>1 kommun</translation>
    </message>
    <message>
        <source>{count} kuntaa</source>
        <translation>{count} kommuner</translation>
    </message>
    <message>
        <source>Verkko: ei yhteyttä</source>
        <translation>Nät: ingen förbindelse</translation>
    </message>
    <message>
        <source>VPN: ei yhteyttä ({count})</source>
        <translation>VPN: ingen förbindelse ({count})</translation>
    </message>
    <message>
        <source>VPN: yhteys · järjestelmä ei vastaa ({count})</source>
        <translation>VPN: förbindelse · systemet svarar inte ({count})</translation>
    </message>
    <message>
        <source>VPN: tarkistetaan…</source>
        <translation>VPN: kontrolleras…</translation>
    </message>
    <message>
        <source>VPN: yhteys</source>
        <translation>VPN: förbindelse</translation>
    </message>
    <message>
        <source>Lähtevät: {count}</source>
        <translation>Utkorg: {count}</translation>
    </message>
    <message>
        <source>{count} vaatii toimia</source>
        <translation>{count} kräver åtgärder</translation>
    </message>
</context>
<context>
    <name>OutboxQuestions</name>
    <message>
        <source>Poista hylkäysmerkintä</source>
        <translation>Ta bort avvisningsnoteringen</translation>
    </message>
    <message>
        <source>Järjestelmä ei ottanut vastaan merkintää hylätystä lähetyksestä:
{what}</source>
        <translation>Systemet tog inte emot noteringen om den avvisade försändelsen:
{what}</translation>
    </message>
    <message>
        <source>Näin käy, kun järjestelmä ei tunne asiakasta: sillä ei ole hylätystä lähetyksestäkään mitään. Poistetaanko merkintä lähtevistä? Uutta merkintää ei lähetetä.</source>
        <translation>Så går det när systemet inte känner klienten: det har ingenting om den avvisade försändelsen heller. Ta bort noteringen ur utkorgen? Ingen ny notering skickas.</translation>
    </message>
    <message>
        <source>Poista merkintä</source>
        <translation>Ta bort noteringen</translation>
    </message>
    <message>
        <source>Älä poista</source>
        <translation>Ta inte bort</translation>
    </message>
    <message>
        <source>Järjestelmän osoite on muuttunut</source>
        <translation>Systemets adress har ändrats</translation>
    </message>
    <message>
        <source>{place}: asiakastietojärjestelmän osoite on muuttunut sen jälkeen, kun lähetykset tallennettiin. Niitä ei ole lähetetty uuteen osoitteeseen.</source>
        <translation>{place}: klientdatasystemets adress har ändrats efter att försändelserna sparades. De har inte skickats till den nya adressen.</translation>
    </message>
    <message>
        <source>Tallennettaessa: {saved_for}
Nyt: {now}

Lähetä uuteen osoitteeseen vain, jos tuki on kertonut muutoksesta. Epäselvässä tapauksessa soita tukeen: lähetykset odottavat tallessa.</source>
        <translation>Vid sparandet: {saved_for}
Nu: {now}

Skicka till den nya adressen endast om supporten har berättat om ändringen. I oklara fall, ring supporten: försändelserna väntar i tryggt förvar.</translation>
    </message>
    <message>
        <source>(ei tiedossa)</source>
        <translation>(okänt)</translation>
    </message>
    <message>
        <source>Lähetä uuteen osoitteeseen</source>
        <translation>Skicka till den nya adressen</translation>
    </message>
    <message>
        <source>Älä lähetä</source>
        <translation>Skicka inte</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Lähtevät kirjaukset</source>
        <translation>Utgående anteckningar</translation>
    </message>
    <message>
        <source>Lähtevät</source>
        <translation>Utkorg</translation>
    </message>
    <message>
        <source>Asiakas ja aika</source>
        <translation>Klient och tid</translation>
    </message>
    <message>
        <source>Kunta</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Laji</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Tila</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Yrityksiä</source>
        <translation>Försök</translation>
    </message>
    <message>
        <source>Seuraava yritys</source>
        <translation>Nästa försök</translation>
    </message>
    <message>
        <source>Viimeisin virhe</source>
        <translation>Senaste fel</translation>
    </message>
    <message>
        <source>Tekijä</source>
        <translation>Upphovsperson</translation>
    </message>
    <message>
        <source>Avaa ja korjaa…</source>
        <translation>Öppna och rätta…</translation>
    </message>
    <message>
        <source>Hylkää…</source>
        <translation>Kassera…</translation>
    </message>
    <message>
        <source>Tulosta faksi</source>
        <translation>Skriv ut faxet</translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi…</source>
        <translation>Markera som skickat…</translation>
    </message>
    <message>
        <source>Uusi osoite…</source>
        <translation>Ny adress…</translation>
    </message>
    <message>
        <source>Kunnan järjestelmän osoite on muuttunut: lähetä odottavat uuteen osoitteeseen</source>
        <translation>Adressen till kommunens system har ändrats: skicka de väntande till den nya adressen</translation>
    </message>
    <message>
        <source>Lähtevissä ei ole mitään.</source>
        <translation>Utkorgen är tom.</translation>
    </message>
    <message>
        <source>tekijä ei tiedossa</source>
        <translation>upphovspersonen okänd</translation>
    </message>
    <message>
        <source>Lähteviä ei voitu lukea. Yritä uudelleen.</source>
        <translation>Utkorgen kunde inte läsas. Försök igen.</translation>
    </message>
    <message>
        <source>Faksin voi tulostaa ja merkitä lähetetyksi: Jatkotoimet → Avoimet siirrot.</source>
        <translation>Faxet kan skrivas ut och markeras som skickat: Fortsatta åtgärder → Öppna överföringar.</translation>
    </message>
    <message>
        <source>Kunta ei ole enää käytössä tällä koneella. Soita tukeen.</source>
        <translation>Kommunen är inte längre i bruk på denna dator. Ring supporten.</translation>
    </message>
    <message>
        <source>{count} lähetystä lähtee kunnan uuteen osoitteeseen.</source>
        <translation>{count} försändelser skickas till kommunens nya adress.</translation>
    </message>
    <message>
        <source>Vahvistus ei onnistunut. Yritä uudelleen.</source>
        <translation>Bekräftelsen misslyckades. Försök igen.</translation>
    </message>
    <message>
        <source>{label} – {place}</source>
        <translation>{label} – {place}</translation>
    </message>
    <message>
        <source>Lähetys ei enää odota korjausta.</source>
        <translation>Försändelsen väntar inte längre på rättelse.</translation>
    </message>
    <message>
        <source>Tallennettua lähetystä ei voi lukea. Hylkää se syyn kanssa tai soita tukeen.</source>
        <translation>Den sparade försändelsen kan inte läsas. Kassera den med en orsak eller ring supporten.</translation>
    </message>
    <message>
        <source>Korjaa viesti virka-aikaiselle</source>
        <translation>Rätta meddelandet till arbetstagaren under tjänstetid</translation>
    </message>
    <message>
        <source>Otsikko</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Viesti</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Korjaa lastensuojeluilmoitus</source>
        <translation>Rätta barnskyddsanmälan</translation>
    </message>
    <message>
        <source>Ilmoittajan organisaatio</source>
        <translation>Anmälarens organisation</translation>
    </message>
    <message>
        <source>Ilmoittaja</source>
        <translation>Anmälare</translation>
    </message>
    <message>
        <source>Ilmoittajan puhelin</source>
        <translation>Anmälarens telefon</translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation>Vad hände</translation>
    </message>
    <message>
        <source>Korjausta ei voitu tallentaa. Yritä uudelleen.</source>
        <translation>Rättelsen kunde inte sparas. Försök igen.</translation>
    </message>
    <message>
        <source>Hylkäysmerkintä poistettiin lähtevistä.</source>
        <translation>Avvisningsnoteringen togs bort ur utkorgen.</translation>
    </message>
    <message>
        <source>Merkintää ei voitu poistaa. Yritä uudelleen.</source>
        <translation>Noteringen kunde inte tas bort. Försök igen.</translation>
    </message>
    <message>
        <source>Hylkääminen ei onnistunut. Yritä uudelleen.</source>
        <translation>Kasseringen misslyckades. Försök igen.</translation>
    </message>
    <message>
        <source>kirjaus</source>
        <translation>anteckning</translation>
    </message>
    <message>
        <source>hylkäysmerkintä</source>
        <translation>avvisningsnotering</translation>
    </message>
    <message>
        <source>viesti virka-aikaiselle</source>
        <translation>meddelande till arbetstagaren under tjänstetid</translation>
    </message>
    <message>
        <source>lastensuojeluilmoitus</source>
        <translation>barnskyddsanmälan</translation>
    </message>
    <message>
        <source>faksi (lähetetään käsin)</source>
        <translation>fax (skickas för hand)</translation>
    </message>
    <message>
        <source>käyttölokimerkintä</source>
        <translation>anteckning i användningsloggen</translation>
    </message>
    <message>
        <source>Korjattu kirjaus lähtee uudelleen.</source>
        <translation>Den rättade anteckningen skickas på nytt.</translation>
    </message>
    <message>
        <source>Korjattu viesti lähtee uudelleen.</source>
        <translation>Det rättade meddelandet skickas på nytt.</translation>
    </message>
    <message>
        <source>Korjattu lastensuojeluilmoitus lähtee uudelleen.</source>
        <translation>Den rättade barnskyddsanmälan skickas på nytt.</translation>
    </message>
    <message>
        <source>Kirjaus hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle.</source>
        <translation>Anteckningen kasserades. En notering om kasseringen skickas till den registeransvarige.</translation>
    </message>
    <message>
        <source>Viesti hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle.</source>
        <translation>Meddelandet kasserades. En notering om kasseringen skickas till den registeransvarige.</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle.</source>
        <translation>Barnskyddsanmälan kasserades. En notering om kasseringen skickas till den registeransvarige.</translation>
    </message>
    <message>
        <source>odottaa</source>
        <translation>väntar</translation>
    </message>
    <message>
        <source>lähetetään</source>
        <translation>skickas</translation>
    </message>
    <message>
        <source>vaatii toimia</source>
        <translation>kräver åtgärder</translation>
    </message>
    <message>
        <source>faksattava / soitettava</source>
        <translation>ska faxas / ringas</translation>
    </message>
    <message>
        <source>nyt</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>korjauksen jälkeen</source>
        <translation>efter rättelsen</translation>
    </message>
    <message>
        <source>kun merkitty lähetetyksi</source>
        <translation>när den markerats som skickad</translation>
    </message>
    <message>
        <source>heti kun yhteys toimii</source>
        <translation>så snart förbindelsen fungerar</translation>
    </message>
    <message>
        <source>ei yhteyttä järjestelmään</source>
        <translation>ingen förbindelse till systemet</translation>
    </message>
    <message>
        <source>yhteyttä ei voitu varmistaa suojatuksi (varmenne) – ota yhteys IT-tukeen</source>
        <translation>förbindelsen kunde inte bekräftas som skyddad (certifikat) – kontakta IT-supporten</translation>
    </message>
    <message>
        <source>järjestelmä ei vastannut ajoissa</source>
        <translation>systemet svarade inte i tid</translation>
    </message>
    <message>
        <source>vika järjestelmässä</source>
        <translation>fel i systemet</translation>
    </message>
    <message>
        <source>tunnukset eivät kelpaa</source>
        <translation>inloggningsuppgifterna duger inte</translation>
    </message>
    <message>
        <source>järjestelmä ei tue tätä</source>
        <translation>systemet stöder inte detta</translation>
    </message>
    <message>
        <source>tallennettu sisältö ei ole luettavissa</source>
        <translation>det sparade innehållet kan inte läsas</translation>
    </message>
    <message>
        <source>kunnan järjestelmän osoite on muuttunut: vahvista</source>
        <translation>adressen till kommunens system har ändrats: bekräfta</translation>
    </message>
    <message>
        <source>pelastettu vioittuneista lähtevistä; voi olla jo toimitettu tai hylätty: tarkista asiakastiedoista ennen uudelleenlähetystä</source>
        <translation>räddad ur en skadad utkorg; kan redan ha levererats eller avvisats: kontrollera klientuppgifterna innan den skickas på nytt</translation>
    </message>
    <message>
        <source>pelastettu vioittuneista lähtevistä, tallentaja ei tiedossa: tarkista kuka sen tallensi ja asiakastiedot ennen uudelleenlähetystä</source>
        <translation>räddad ur en skadad utkorg, den som sparade den är okänd: kontrollera vem som sparade den och klientuppgifterna innan den skickas på nytt</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Kirjaudu: {name}</source>
        <translation>Logga in: {name}</translation>
    </message>
    <message>
        <source>Käyttäjätunnus</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Salasana</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>&amp;Käyttäjätunnus:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <source>&amp;Salasana:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>Järjestelmän oma salasana. Sitä ei tallenneta: se on muistissa vain tämän istunnon ajan. Tunnuksen muoto: {format}. Tuki: {phone}.</source>
        <translation>Systemets eget lösenord. Det sparas inte: det finns i minnet endast under denna session. Användarnamnets format: {format}. Support: {phone}.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Henkilö ilman henkilötunnusta</source>
        <translation>Person utan personbeteckning</translation>
    </message>
    <message>
        <source>Kirjaa, mitä henkilöstä tiedetään. Kirjaus merkitään tunnistettavaksi, ja virka-aikainen työntekijä tunnistaa henkilön.</source>
        <translation>Anteckna det som är känt om personen. Anteckningen märks för identifiering, och arbetstagaren under tjänstetid identifierar personen.</translation>
    </message>
    <message>
        <source>Uusi asiakas</source>
        <translation>Ny klient</translation>
    </message>
    <message>
        <source>Henkilö ({code}) ei ole tämän kunnan asiakas. Kirjaus lähtee näillä tiedoilla, ja asiakkuus avataan kunnan järjestelmään.</source>
        <translation>Personen ({code}) är inte klient i denna kommun. Anteckningen skickas med dessa uppgifter, och klientskapet öppnas i kommunens system.</translation>
    </message>
    <message>
        <source>Sukunimi</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Etunimet</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Syntymäaika, esim. {date}</source>
        <translation>Födelsedatum, t.ex. {date}</translation>
    </message>
    <message>
        <source>Kansalaisuus</source>
        <translation>Medborgarskap</translation>
    </message>
    <message>
        <source>Kieli</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Kuvaus henkilöstä</source>
        <translation>Beskrivning av personen</translation>
    </message>
    <message>
        <source>&amp;Sukunimi:</source>
        <translation>&amp;Efternamn:</translation>
    </message>
    <message>
        <source>&amp;Etunimet:</source>
        <translation>&amp;Förnamn:</translation>
    </message>
    <message>
        <source>S&amp;yntymäaika:</source>
        <translation>F&amp;ödelsedatum:</translation>
    </message>
    <message>
        <source>&amp;Kansalaisuus:</source>
        <translation>&amp;Medborgarskap:</translation>
    </message>
    <message>
        <source>K&amp;ieli:</source>
        <translation>S&amp;pråk:</translation>
    </message>
    <message>
        <source>K&amp;uvaus:</source>
        <translation>Be&amp;skrivning:</translation>
    </message>
    <message>
        <source>Osoite:</source>
        <translation>Adress:</translation>
    </message>
    <message>
        <source>&amp;Jatka kirjaukseen</source>
        <translation>&amp;Fortsätt till anteckningen</translation>
    </message>
    <message>
        <source>&amp;Peruuta</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei näytetä</source>
        <translation>SPÄRRMARKERING – adressen visas inte</translation>
    </message>
    <message>
        <source>ei tiedossa</source>
        <translation>okänt</translation>
    </message>
    <message>
        <source>Kirjoita henkilön nimi (tai se, millä hänet tunnetaan).</source>
        <translation>Skriv personens namn (eller det som personen är känd under).</translation>
    </message>
    <message>
        <source>Syntymäaika ei kelpaa: kirjoita päivämäärä, esim. {date}.</source>
        <translation>Födelsedatumet duger inte: skriv ett datum, t.ex. {date}.</translation>
    </message>
    <message>
        <source>Kuvaus on liian pitkä: enintään {limit} merkkiä.</source>
        <translation>Beskrivningen är för lång: högst {limit} tecken.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Lukituksen PIN-koodi</source>
        <translation>PIN-kod för låsningen</translation>
    </message>
    <message>
        <source>Uusi PIN-koodi</source>
        <translation>Ny PIN-kod</translation>
    </message>
    <message>
        <source>PIN-koodi uudelleen</source>
        <translation>PIN-koden på nytt</translation>
    </message>
    <message>
        <source>&amp;PIN-koodi:</source>
        <translation>&amp;PIN-kod:</translation>
    </message>
    <message>
        <source>&amp;Uudelleen:</source>
        <translation>&amp;På nytt:</translation>
    </message>
    <message>
        <source>Valitse PIN-koodi (vähintään 6 merkkiä), jolla avaat lukituksen silloin, kun kirjautumispalveluun ei saada yhteyttä. Koodista tallennetaan vain tiiviste. Voit ohittaa tämän (Esc).</source>
        <translation>Välj en PIN-kod (minst 6 tecken) som du låser upp med när inloggningstjänsten inte kan nås. Endast ett hashvärde av koden sparas. Du kan hoppa över detta (Esc).</translation>
    </message>
    <message>
        <source>Koodit eivät ole samat.</source>
        <translation>Koderna är inte lika.</translation>
    </message>
</context>
<context>
    <name>PolicyCommands</name>
    <message>
        <source>--key on valinnalla --policy annetulle käytännölle; asennettu käytäntö tarkistetaan asennettua avainta vasten ({key})</source>
        <translation>--key är för en policy som anges med --policy; den installerade policyn kontrolleras mot den installerade nyckeln ({key})</translation>
    </message>
    <message>
        <source>; ei allekirjoitettu: ei avainta: {key}</source>
        <translation>; inte signerad: ingen nyckel i {key}</translation>
    </message>
    <message>
        <source>; ei allekirjoitettu: ei avainta: {key}, eikä ryhmäkäytännössä ({source})</source>
        <translation>; inte signerad: ingen nyckel i {key} och inte heller i grupprincipen ({source})</translation>
    </message>
    <message>
        <source>allekirjoitettu</source>
        <translation>signerad</translation>
    </message>
    <message>
        <source>allekirjoittamaton</source>
        <translation>osignerad</translation>
    </message>
    <message>
        <source>käytäntö kunnossa: {count} kuntaa, sarjanumero {serial}, {signed}, lähde {directory} ({names})</source>
        <translation>policyn i ordning: {count} kommuner, serienummer {serial}, {signed}, från {directory} ({names})</translation>
    </message>
    <message>
        <source>{path} on jo olemassa: avainta ei koskaan korvata</source>
        <translation>{path} finns redan: en nyckel skrivs aldrig över</translation>
    </message>
    <message>
        <source>avaimia ei voi kirjoittaa ({reason})</source>
        <translation>nycklarna kan inte skrivas ({reason})</translation>
    </message>
    <message>
        <source>yksityinen avain: {private} (oikeudet 0600; pidä se vain helpdeskin allekirjoituskoneella)
julkinen avain:   {public} (asennusohjelma asentaa sen jokaiselle työasemalle nimellä policy-signing.pub hakemiston policy.d viereen)</source>
        <translation>privat nyckel: {private} (rättigheter 0600; förvara den endast på helpdeskens signeringsdator)
publik nyckel: {public} (installationsprogrammet lägger den på varje arbetsstation som policy-signing.pub bredvid policy.d)</translation>
    </message>
    <message>
        <source>allekirjoitusta ei voi kirjoittaa ({reason})</source>
        <translation>signaturen kan inte skrivas ({reason})</translation>
    </message>
    <message>
        <source>allekirjoitettu: {target} ({name}, sarjanumero {serial})</source>
        <translation>signerad: {target} ({name}, serienummer {serial})</translation>
    </message>
    <message>
        <source>allekirjoitus kunnossa: {file} (sarjanumero {serial})</source>
        <translation>signaturen i ordning: {file} (serienummer {serial})</translation>
    </message>
</context>
<context>
    <name>PopulationPanel</name>
    <message>
        <source>turvakielto</source>
        <translation>spärrmarkering</translation>
    </message>
    <message>
        <source>yhteyttä väestötietojärjestelmään ei voitu varmistaa suojatuksi (varmenne); ota yhteys IT-tukeen</source>
        <translation>förbindelsen till befolkningsdatasystemet kunde inte bekräftas som skyddad (certifikat); kontakta IT-supporten</translation>
    </message>
    <message>
        <source>väestötietojärjestelmään ei saada yhteyttä</source>
        <translation>ingen förbindelse till befolkningsdatasystemet</translation>
    </message>
    <message>
        <source>väestötietojärjestelmä ei vastannut ajoissa</source>
        <translation>befolkningsdatasystemet svarade inte i tid</translation>
    </message>
    <message>
        <source>kirjaudu ensin (Ctrl+Shift+K), niin väestötiedot haetaan</source>
        <translation>logga in först (Ctrl+Shift+K), så hämtas befolkningsuppgifterna</translation>
    </message>
    <message>
        <source>väestötietojärjestelmä ei hyväksynyt tunnuksia</source>
        <translation>befolkningsdatasystemet godkände inte inloggningsuppgifterna</translation>
    </message>
    <message>
        <source>väestötietojärjestelmä hylkäsi kyselyn</source>
        <translation>befolkningsdatasystemet avvisade förfrågan</translation>
    </message>
    <message>
        <source>väestötietojärjestelmässä on vika</source>
        <translation>det är fel på befolkningsdatasystemet</translation>
    </message>
    <message>
        <source>Väestötietoja ei saatu: {why}. Asiakastiedot ovat silti käytössä.</source>
        <translation>Befolkningsuppgifterna kunde inte hämtas: {why}. Klientuppgifterna är ändå i bruk.</translation>
    </message>
    <message>
        <source>Väestötiedot (Väestösuora)</source>
        <translation>Befolkningsuppgifter (Väestösuora)</translation>
    </message>
    <message>
        <source>Väestötiedot</source>
        <translation>Befolkningsuppgifter</translation>
    </message>
    <message>
        <source>Väestötietojen tila</source>
        <translation>Befolkningsuppgifternas status</translation>
    </message>
    <message>
        <source>Kotikunta</source>
        <translation>Hemkommun</translation>
    </message>
    <message>
        <source>Osoite</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Huoltajat</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Huollettavat</source>
        <translation>Personer under vårdnad</translation>
    </message>
    <message>
        <source>Samassa osoitteessa</source>
        <translation>På samma adress</translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei näytetä</source>
        <translation>SPÄRRMARKERING – adressen visas inte</translation>
    </message>
    <message>
        <source>Kotikuntaehdotus</source>
        <translation>Förslag på hemkommun</translation>
    </message>
    <message>
        <source>Vaihda</source>
        <translation>Byt</translation>
    </message>
    <message>
        <source>Vaihda asiakkaan kotikuntaan</source>
        <translation>Byt till klientens hemkommun</translation>
    </message>
    <message>
        <source>Väestötietojärjestelmä ei tunne tätä henkilötunnusta.</source>
        <translation>Befolkningsdatasystemet känner inte till denna personbeteckning.</translation>
    </message>
    <message>
        <source>Asiakkaan kotikunta on {name} – vaihda (Ctrl+K)</source>
        <translation>Klientens hemkommun är {name} – byt (Ctrl+K)</translation>
    </message>
    <message>
        <source>Väestötietojärjestelmän mukaan asiakkaan kotikunta on kunta {code}, joka ei kuulu tämän päivystyksen kuntiin.</source>
        <translation>Enligt befolkningsdatasystemet är klientens hemkommun kommunen {code}, som inte hör till denna jours kommuner.</translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <source>1 sivu</source>
        <translation>1 sida</translation>
    </message>
    <message>
        <source>{n} sivua</source>
        <translation>{n} sidor</translation>
    </message>
    <message>
        <source>Tulostetta ei voitu muodostaa: DejaVu Sans -fonttia ei löydy tältä työasemalta. Ota yhteys tukeen.</source>
        <translation>Utskriften kunde inte skapas: typsnittet DejaVu Sans finns inte på denna arbetsstation. Kontakta supporten.</translation>
    </message>
    <message>
        <source>Tulostetta ei voitu muodostaa.</source>
        <translation>Utskriften kunde inte skapas.</translation>
    </message>
    <message>
        <source>Oletustulostinta {name} ei löydy tältä työasemalta: valitse tulostin.</source>
        <translation>Standardskrivaren {name} finns inte på denna arbetsstation: välj en skrivare.</translation>
    </message>
    <message>
        <source>oletustulostin</source>
        <translation>standardskrivare</translation>
    </message>
    <message>
        <source>Lähetetään tulostimelle {name}…</source>
        <translation>Skickas till skrivaren {name}…</translation>
    </message>
    <message>
        <source>Tulostus ei onnistu: tulostusjärjestelmän lp-komentoa ei löydy tältä työasemalta. Ota yhteys tukeen.</source>
        <translation>Utskriften lyckas inte: utskriftssystemets lp-kommando finns inte på denna arbetsstation. Kontakta supporten.</translation>
    </message>
    <message>
        <source>Tulostusjärjestelmä ei vastannut ajoissa.</source>
        <translation>Utskriftssystemet svarade inte i tid.</translation>
    </message>
    <message>
        <source>Valitulla sivualueella ei ole sivuja.</source>
        <translation>Det valda sidintervallet har inga sidor.</translation>
    </message>
    <message>
        <source>Tulostus tiedostoon ei ole sallittu: valitse tulostin.</source>
        <translation>Utskrift till fil är inte tillåten: välj en skrivare.</translation>
    </message>
    <message>
        <source>Tulostinta {name} ei ole sallittu tällä työasemalla: valitse toinen tulostin.</source>
        <translation>Skrivaren {name} är inte tillåten på denna arbetsstation: välj en annan skrivare.</translation>
    </message>
    <message>
        <source>Tulostin {name} ei ottanut tulostetta vastaan. Tarkista tulostin.</source>
        <translation>Skrivaren {name} tog inte emot utskriften. Kontrollera skrivaren.</translation>
    </message>
    <message>
        <source>Tallenna PDF</source>
        <translation>Spara PDF</translation>
    </message>
    <message>
        <source>PDF-tiedosto (*.pdf)</source>
        <translation>PDF-fil (*.pdf)</translation>
    </message>
    <message>
        <source>PDF-tiedostoa ei voitu tallentaa.</source>
        <translation>PDF-filen kunde inte sparas.</translation>
    </message>
    <message>
        <source>Tuloste tallennettu PDF-tiedostoksi: {path}</source>
        <translation>Utskriften sparad som PDF-fil: {path}</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Tulostuksen esikatselu</source>
        <translation>Förhandsgranskning av utskrift</translation>
    </message>
    <message>
        <source>Tulosta… (Ctrl+P)</source>
        <translation>Skriv ut… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Tallenna PDF…</source>
        <translation>Spara PDF…</translation>
    </message>
    <message>
        <source>Sulje</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>1 sivu</source>
        <translation>1 sida</translation>
    </message>
    <message>
        <source>{count} sivua</source>
        <translation>{count} sidor</translation>
    </message>
    <message>
        <source>järjestelmän oletustulostin</source>
        <translation>systemets standardskrivare</translation>
    </message>
    <message>
        <source>{pages} · tulostin: {printer}</source>
        <translation>{pages} · skrivare: {printer}</translation>
    </message>
    <message>
        <source>Valitse tulostin ja tulosta (esikatselussa)</source>
        <translation>Välj skrivare och skriv ut (i förhandsgranskningen)</translation>
    </message>
    <message>
        <source>Tulosta kirjaus</source>
        <translation>Skriv ut anteckningen</translation>
    </message>
</context>
<context>
    <name>RecentMessagesDialog</name>
    <message>
        <source>Viimeisimmät viestit</source>
        <translation>Senaste meddelanden</translation>
    </message>
    <message>
        <source>Viestit uusimmasta alkaen. Kuittaamattomat virheet ja varoitukset näkyvät ikkunan yläreunassa, kunnes ne kuitataan. Esc sulkee.</source>
        <translation>Meddelandena med det senaste först. Okvitterade fel och varningar visas överst i fönstret tills de kvitteras. Esc stänger.</translation>
    </message>
    <message>
        <source>&amp;Kuittaa kaikki</source>
        <translation>&amp;Kvittera alla</translation>
    </message>
    <message>
        <source>&amp;Sulje</source>
        <translation>&amp;Stäng</translation>
    </message>
    <message>
        <source>(kuittaamatta)</source>
        <translation>(okvitterat)</translation>
    </message>
    <message>
        <source>Ei viestejä.</source>
        <translation>Inga meddelanden.</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>versio</source>
        <translation>version</translation>
    </message>
    <message>
        <source>käytäntö</source>
        <translation>policy</translation>
    </message>
    <message>
        <source>avainsäilö</source>
        <translation>nyckellager</translation>
    </message>
    <message>
        <source>lähtevät</source>
        <translation>utkorg</translation>
    </message>
    <message>
        <source>asiakirja</source>
        <translation>dokument</translation>
    </message>
    <message>
        <source>ikkuna</source>
        <translation>fönster</translation>
    </message>
    <message>
        <source>{check}: EPÄONNISTUI: {reason}</source>
        <translation>{check}: MISSLYCKADES: {reason}</translation>
    </message>
    <message>
        <source>itsetesti: EPÄONNISTUI ({checks})</source>
        <translation>självtest: MISSLYCKADES ({checks})</translation>
    </message>
    <message>
        <source>itsetesti: kunnossa</source>
        <translation>självtest: i ordning</translation>
    </message>
    <message>
        <source>paketoitu</source>
        <translation>paketerad</translation>
    </message>
    <message>
        <source>lähdekoodista</source>
        <translation>från källkod</translation>
    </message>
    <message>
        <source>kunnossa ({qt}: pääikkuna näytetty ja suljettu)</source>
        <translation>i ordning ({qt}: ett huvudfönster visat och stängt)</translation>
    </message>
    <message>
        <source>(koko tiedosto)</source>
        <translation>(hela filen)</translation>
    </message>
    <message>
        <source>{source}: kenttä {field}: {problem}</source>
        <translation>{source}: fält {field}: {problem}</translation>
    </message>
    <message>
        <source>ei asennettu hakemistoon {where} (uusi asennus; helpdesk asentaa sen)</source>
        <translation>ingen installerad i {where} (en ny installation; helpdesk installerar den)</translation>
    </message>
    <message>
        <source>mukana tuleva esimerkki</source>
        <translation>det medföljande exemplet</translation>
    </message>
    <message>
        <source>allekirjoitettu</source>
        <translation>signerad</translation>
    </message>
    <message>
        <source>allekirjoittamaton</source>
        <translation>osignerad</translation>
    </message>
    <message>
        <source>, harjoittelu</source>
        <translation>, övning</translation>
    </message>
    <message>
        <source>kunnossa ({where}: {count} kuntaa, sarjanumero {serial}, {signed})</source>
        <translation>i ordning ({where}: {count} kommuner, serienummer {serial}, {signed})</translation>
    </message>
    <message>
        <source>{name} ladattu, EI käyttökelpoinen avainsäilö ({code}): sovellus ei voi säilyttää lähtevien avainta, joten se ei voi tallentaa mitään. Asenna tai avaa sellainen (Secret Service, esim. GNOME Keyring tai KWallet; Windowsin Credential Manager)</source>
        <translation>{name} laddat, INTE ett användbart nyckellager ({code}): appen kan inte förvara utkorgens nyckel, så den kan inte spara något. Installera eller lås upp ett (Secret Service, t.ex. GNOME Keyring eller KWallet; Windows Credential Manager)</translation>
    </message>
    <message>
        <source>{name} (ei käyttökelpoinen avainsäilö: harjoittelu pitää avaimensa harjoitusprofiilin tiedostossa; tuotanto ei voisi avata lähteviään)</source>
        <translation>{name} (inte ett användbart nyckellager: övningen förvarar sin nyckel i en fil i övningsprofilen; produktionen kunde inte öppna sin utkorg)</translation>
    </message>
    <message>
        <source>{name} (käyttökelpoinen avainsäilö; jätetty koskematta: lähtevien testillä on oma avaimensa)</source>
        <translation>{name} (ett användbart nyckellager; lämnat orört: utkorgstestet har en egen nyckel)</translation>
    </message>
    <message>
        <source>lähtevien tiedosto kirjoitettiin salaamattomana: SQLCipher ei ole käytössä</source>
        <translation>utkorgsfilen skrevs okrypterad: SQLCipher används inte</translation>
    </message>
    <message>
        <source>tallennettua kirjausta ei luettu takaisin sellaisenaan</source>
        <translation>den sparade anteckningen lästes inte tillbaka som den sparades</translation>
    </message>
    <message>
        <source>takaisin luettu kirjaus ei ole sama kuin tallennettu</source>
        <translation>den tillbakalästa anteckningen avkodas inte till den sparade</translation>
    </message>
    <message>
        <source>uudet lähtevät eivät läpäise eheystarkistusta: {problem}</source>
        <translation>den nya utkorgen klarar inte sin integritetskontroll: {problem}</translation>
    </message>
    <message>
        <source>kunnossa (SQLCipher, {cipher}, skeema {schema}: kirjaus tallennettu, tiedosto suljettu, avattu uudelleen ja kirjaus luettu takaisin)</source>
        <translation>i ordning (SQLCipher, {cipher}, schema {schema}: en anteckning sparad, filen stängd, öppnad igen och anteckningen läst tillbaka)</translation>
    </message>
    <message>
        <source>hakemiston {fonts} fontteja ei voi käyttää ({error})</source>
        <translation>typsnitten i {fonts} kan inte användas ({error})</translation>
    </message>
    <message>
        <source>käytännössä ei ole kuntaa, jolle kirjauksen voisi tulostaa</source>
        <translation>policyn har ingen kommun att skriva ut en anteckning för</translation>
    </message>
    <message>
        <source>tulostettu asiakirja ei ole PDF</source>
        <translation>det framställda dokumentet är ingen PDF</translation>
    </message>
    <message>
        <source>tulostetussa PDF:ssä ei ole sivuja</source>
        <translation>den framställda PDF-filen har inga sidor</translation>
    </message>
    <message>
        <source>PDF:stä puuttuvat kirjaimet {letters} (fontit: {fonts})</source>
        <translation>PDF-filen saknar bokstäverna {letters} (typsnitt från {fonts})</translation>
    </message>
    <message>
        <source>kunnossa (PDF, {pages} sivu(a), {size} tavua, fontit: {fonts}, {letters} tulostettu)</source>
        <translation>i ordning (PDF, {pages} sida/sidor, {size} byte, typsnitt från {fonts}, {letters} utskrivna)</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>L&amp;ukitse</source>
        <translation>L&amp;ås</translation>
    </message>
    <message>
        <source>Lukitse Päivystys: asiakastiedot pois näytöltä (F12)</source>
        <translation>Lås Päivystys: klientuppgifterna bort från skärmen (F12)</translation>
    </message>
    <message>
        <source>Lukituksen voi avata vain kirjautumalla uudelleen: lopeta ja käynnistä Päivystys uudelleen. Lähtevät ja luonnokset säilyvät salattuina.</source>
        <translation>Låsningen kan hävas endast genom att logga in på nytt: avsluta och starta Päivystys på nytt. Utkorgen och utkasten bevaras krypterade.</translation>
    </message>
    <message>
        <source>PIN-koodi ei enää käy: edellisestä kirjautumisesta on yli {hours} tuntia. Kirjaudu uudelleen.</source>
        <translation>PIN-koden gäller inte längre: det har gått över {hours} timmar sedan den senaste inloggningen. Logga in på nytt.</translation>
    </message>
    <message>
        <source>PIN-koodi on poistettu käytöstä liian monen väärän yrityksen jälkeen. Kirjaudu uudelleen.</source>
        <translation>PIN-koden har tagits ur bruk efter för många felaktiga försök. Logga in på nytt.</translation>
    </message>
    <message>
        <source>Tarkistetaan PIN-koodia…</source>
        <translation>PIN-koden kontrolleras…</translation>
    </message>
    <message>
        <source>Väärä PIN-koodi. Yrityksiä jäljellä: {count}.</source>
        <translation>Fel PIN-kod. Återstående försök: {count}.</translation>
    </message>
    <message>
        <source>Kirjaudu selaimessa. Odotetaan kirjautumista…</source>
        <translation>Logga in i webbläsaren. Inloggningen väntas…</translation>
    </message>
    <message>
        <source>Kirjautuminen ei onnistunut. Yritä uudelleen.</source>
        <translation>Inloggningen misslyckades. Försök igen.</translation>
    </message>
    <message>
        <source>Lukituksen avaaminen epäonnistui. Yritä uudelleen.</source>
        <translation>Låsningen kunde inte hävas. Försök igen.</translation>
    </message>
    <message>
        <source>Lukitus avattu. Luonnokset: Ctrl+Shift+L.</source>
        <translation>Låsningen hävd. Utkast: Ctrl+Shift+L.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>hae asiakas (henkilötunnuskentässä)</source>
        <translation>sök klient (i fältet för personbeteckning)</translation>
    </message>
    <message>
        <source>kuittaa virheet ja varoitukset (viestiluettelossa)</source>
        <translation>kvittera fel och varningar (i meddelandelistan)</translation>
    </message>
    <message>
        <source>sulje ikkuna tai kysymys</source>
        <translation>stäng fönstret eller frågan</translation>
    </message>
    <message>
        <source>seuraava, edellinen kenttä</source>
        <translation>nästa, föregående fält</translation>
    </message>
    <message>
        <source>{what} ({keys})</source>
        <translation>{what} ({keys})</translation>
    </message>
    <message>
        <source>(ei kuvausta)</source>
        <translation>(ingen beskrivning)</translation>
    </message>
    <message>
        <source>Muualla</source>
        <translation>På annat håll</translation>
    </message>
    <message>
        <source>Pikanäppäimet</source>
        <translation>Kortkommandon</translation>
    </message>
</context>
<context>
    <name>SignInBanner</name>
    <message>
        <source>Kirjaudu ({keys})</source>
        <translation>Logga in ({keys})</translation>
    </message>
    <message>
        <source>Kirjaudu sisään</source>
        <translation>Logga in</translation>
    </message>
</context>
<context>
    <name>SignInController</name>
    <message>
        <source>Valitse ensin kunta (Ctrl+1…9).</source>
        <translation>Välj först en kommun (Ctrl+1…9).</translation>
    </message>
    <message>
        <source>Tähän järjestelmään kirjautumista ei ole määritetty tämän koneen asetuksissa (policy: auth). Soita tukeen.</source>
        <translation>Inloggning till detta system har inte angetts i denna dators inställningar (policy: auth). Ring supporten.</translation>
    </message>
    <message>
        <source>Kirjaudu selaimessa. Ikkuna odottaa kirjautumista taustalla.</source>
        <translation>Logga in i webbläsaren. Fönstret väntar på inloggningen i bakgrunden.</translation>
    </message>
    <message>
        <source>Harjoittelu: tunnus {user}, salasana {password}.</source>
        <translation>Övning: användarnamn {user}, lösenord {password}.</translation>
    </message>
    <message>
        <source>PIN-koodi asetettu.</source>
        <translation>PIN-koden har angetts.</translation>
    </message>
    <message>
        <source>Kirjaudu uudelleen ({keys}): istunto päättyi. Odottavat kirjaukset säilyvät ja lähtevät, kun olet kirjautunut.</source>
        <translation>Logga in på nytt ({keys}): sessionen tog slut. Väntande anteckningar bevaras och skickas när du har loggat in.</translation>
    </message>
    <message>
        <source>{name}: kirjautumista ei ole määritetty. Soita tukeen.</source>
        <translation>{name}: inloggning har inte angetts. Ring supporten.</translation>
    </message>
    <message>
        <source>{name}: kirjaudu selaimessa…</source>
        <translation>{name}: logga in i webbläsaren…</translation>
    </message>
    <message>
        <source>{name}: kirjaudu uudelleen. Istunto päättyi; odottavat kirjaukset lähtevät kirjautumisen jälkeen.</source>
        <translation>{name}: logga in på nytt. Sessionen tog slut; väntande anteckningar skickas efter inloggningen.</translation>
    </message>
    <message>
        <source>{name}: et ole kirjautunut. Kirjaudu, niin voit hakea ja kirjata.</source>
        <translation>{name}: du är inte inloggad. Logga in, så kan du söka och anteckna.</translation>
    </message>
    <message>
        <source>PIN-koodia ei asetettu: se on liian lyhyt tai helposti arvattava (esim. 111111 tai 123456). Aseta uusi kirjautumalla uudelleen.</source>
        <translation>PIN-koden angavs inte: den är för kort eller lätt att gissa (t.ex. 111111 eller 123456). Ange en ny genom att logga in på nytt.</translation>
    </message>
    <message>
        <source>PIN-koodia ei voitu tallentaa. Lukituksen avaat kirjautumalla.</source>
        <translation>PIN-koden kunde inte sparas. Du låser upp genom att logga in.</translation>
    </message>
    <message>
        <source>Kirjauduttu sisään. {name}</source>
        <translation>Inloggad. {name}</translation>
    </message>
    <message>
        <source>Tunnistuspalveluun ei saada yhteyttä. Tarkista VPN ja yritä hetken päästä uudelleen; kirjaukset odottavat.</source>
        <translation>Ingen förbindelse till identifieringstjänsten. Kontrollera VPN och försök igen om en stund; anteckningarna väntar.</translation>
    </message>
    <message>
        <source>Organisaatio ei ole antanut sinulle oikeuksia tähän järjestelmään. Ota yhteys esihenkilöösi.</source>
        <translation>Organisationen har inte gett dig behörighet till detta system. Kontakta din chef.</translation>
    </message>
    <message>
        <source>Kirjautuminen ei onnistunut. Yritä uudelleen.</source>
        <translation>Inloggningen misslyckades. Försök igen.</translation>
    </message>
    <message>
        <source>Kirjautuminen keskeytyi tai vastaus ei kelvannut. Yritä uudelleen; jos se toistuu, soita tukeen.</source>
        <translation>Inloggningen avbröts eller svaret dög inte. Försök igen; om det upprepas, ring supporten.</translation>
    </message>
</context>
<context>
    <name>StatusWatch</name>
    <message>
        <source>Lähtevät: ei käytössä</source>
        <translation>Utkorg: inte i bruk</translation>
    </message>
    <message>
        <source>Lähtevät: avataan…</source>
        <translation>Utkorg: öppnas…</translation>
    </message>
    <message>
        <source>Päivystys</source>
        <translation>Päivystys</translation>
    </message>
    <message>
        <source>HARJOITTELU</source>
        <translation>ÖVNING</translation>
    </message>
    <message>
        <source>Lähtevät eivät ole käytössä: kirjauksia ei voi tallentaa.</source>
        <translation>Utkorgen är inte i bruk: anteckningar kan inte sparas.</translation>
    </message>
    <message>
        <source>Odottaa lähtevissä: {place}</source>
        <translation>Väntar i utkorgen: {place}</translation>
    </message>
    <message>
        <source>Odottaneet kirjaukset toimitettu: {places}.</source>
        <translation>Väntande anteckningar levererade: {places}.</translation>
    </message>
    <message>
        <source>Lähtevissä vielä {count}.</source>
        <translation>Kvar i utkorgen: {count}.</translation>
    </message>
    <message>
        <source>Päivystys: toimitettu</source>
        <translation>Päivystys: levererat</translation>
    </message>
    <message>
        <source>Vaatii toimia: {places}. Avaa lähtevät (Ctrl+L).</source>
        <translation>Kräver åtgärder: {places}. Öppna utkorgen (Ctrl+L).</translation>
    </message>
    <message>
        <source>Päivystys: vaatii toimia</source>
        <translation>Päivystys: kräver åtgärder</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Näytä Päivystys</source>
        <translation>&amp;Visa Päivystys</translation>
    </message>
    <message>
        <source>&amp;Lopeta</source>
        <translation>&amp;Avsluta</translation>
    </message>
</context>
<context>
    <name>UnsavedQuestion</name>
    <message>
        <source>Tallentamaton teksti</source>
        <translation>Osparad text</translation>
    </message>
    <message>
        <source>Kirjoitettu teksti on tallentamatta ({who}).</source>
        <translation>Den skrivna texten har inte sparats ({who}).</translation>
    </message>
    <message>
        <source>Tallenna lähettää sen asiakkaan järjestelmään.</source>
        <translation>Spara skickar den till klientens system.</translation>
    </message>
    <message>
        <source>Luonnos säilyy salattuna tällä koneella ja tarjotaan, kun asiakas haetaan uudelleen.</source>
        <translation>Utkastet bevaras krypterat på denna dator och erbjuds när klienten söks på nytt.</translation>
    </message>
    <message>
        <source>Hylkää poistaa tekstin.</source>
        <translation>Kassera tar bort texten.</translation>
    </message>
    <message>
        <source>&amp;Tallenna</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Säilytä &amp;luonnoksena</source>
        <translation>Behåll som &amp;utkast</translation>
    </message>
    <message>
        <source>&amp;Hylkää</source>
        <translation>&amp;Kassera</translation>
    </message>
    <message>
        <source>&amp;Peruuta</source>
        <translation>&amp;Avbryt</translation>
    </message>
</context>
<context>
    <name>_ResendFrame</name>
    <message>
        <source>Lähetä uudelleen (Ctrl+Enter)</source>
        <translation>Skicka på nytt (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Tallennetaan korjausta…</source>
        <translation>Rättelsen sparas…</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Kuittaa viesti</source>
        <translation>Kvittera meddelandet</translation>
    </message>
    <message>
        <source>Kuittaa viesti (Esc)</source>
        <translation>Kvittera meddelandet (Esc)</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Päivystys ei käynnisty</source>
        <translation>Päivystys startar inte</translation>
    </message>
    <message>
        <source>Päivystys ei voi käynnistyä, koska työaseman asetuksissa on virhe. Ota yhteys tukipalveluun (helpdesk) ja kerro heille alla olevat tiedot.</source>
        <translation>Päivystys kan inte starta, eftersom arbetsstationens inställningar innehåller ett fel. Kontakta supporten (helpdesk) och ge dem uppgifterna nedan.</translation>
    </message>
</context>
</TS>
