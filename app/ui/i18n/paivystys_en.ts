<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Cli</name>
    <message>
        <source>paluuarvot: {ok} kaikki kunnossa; {action} jokin vaatii toimia (lähtevissä odottaa tai huomiota vaativia, järjestelmään ei saada yhteyttä); {policy} käytäntö virheellinen tai puuttuu; {server} harjoituspalvelin käyttökelvoton; {outbox} lähteviä ei voi avata (avain- tai tiedosto-ongelma tai vaurioitunut loki: mitään ei muutettu; vaurioituneelle &apos;outbox salvage&apos;); {busy} toinen lähettäjä on toiminnassa</source>
        <translation>exit codes: {ok} all well; {action} something needs action (items wait or need attention, a system is unreachable); {policy} policy invalid or missing; {server} training server unusable; {outbox} the outbox cannot be opened (key or file problem, or a damaged log: nothing was changed; &apos;outbox salvage&apos; for a damaged one); {busy} another sender is active</translation>
    </message>
    <message>
        <source>paluuarvot: {ok} kunnossa, {policy} käytäntö virheellinen tai puuttuu, {server} harjoituspalvelin käyttökelvoton, {failed} --self-test epäonnistui (syyt virhetulosteessa), {usage} käyttövirhe</source>
        <translation>exit codes: {ok} ok, {policy} policy invalid or missing, {server} training server unusable, {failed} --self-test failed (the reasons on stderr), {usage} a usage error</translation>
    </message>
    <message>
        <source>käyttö: </source>
        <translation>usage: </translation>
    </message>
    <message>
        <source>argumentit</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>valinnat</source>
        <translation>options</translation>
    </message>
    <message>
        <source>näytä tämä ohje ja lopeta</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>{prog}: virhe: {message}</source>
        <translation>{prog}: error: {message}</translation>
    </message>
    <message>
        <source>tämän kerran kieli (fi, sv, en): ikkunan ja komentojen; oletus: työntekijän valinta (Ohje → Kieli), muuten käytännön duty_unit.language, muuten suomeksi</source>
        <translation>the language for this run (fi, sv, en): the window&apos;s and the commands&apos;; default: the worker&apos;s choice (Help → Language), else the policy&apos;s duty_unit.language, else Finnish</translation>
    </message>
    <message>
        <source>käytäntötiedosto tai -hakemisto, vain harjoitteluun ja tarkistukseen: käy valintojen --training ja --training-server sekä komentojen training-server ja policy check kanssa. Muuten koneen käytäntö on aina ylläpitäjien ({where})</source>
        <translation>a policy file or directory, for training and checking only: accepted with --training, --training-server, training-server and policy check. Otherwise the machine policy is always the administrators&apos; ({where})</translation>
    </message>
    <message>
        <source>harjoittelutila: keksityt asiakkaat harjoitusjärjestelmissä, oma profiili</source>
        <translation>training mode: synthetic clients on training systems, a separate profile</translation>
    </message>
    <message>
        <source>käytä jo käynnissä olevaa harjoituspalvelinta (luokkahuoneen palvelinta); tarkoittaa myös --training</source>
        <translation>use an already running training server (a classroom server); implies --training</translation>
    </message>
    <message>
        <source>tarkista, kuvaa, allekirjoita tai varmenna käytäntö; tee allekirjoitusavainpari</source>
        <translation>check, describe, sign or verify a policy; make a signing key pair</translation>
    </message>
    <message>
        <source>paluuarvot: {ok} kunnossa; {policy} käytäntö virheellinen, puuttuu, allekirjoittamaton tai väärin allekirjoitettu, tai avain käyttökelvoton (myös väärin annettu komento); {usage} keygen korvaisi avaimen, tai --key ilman valintaa --policy</source>
        <translation>exit codes: {ok} ok; {policy} policy invalid, missing, unsigned or badly signed, or a key unusable (and a command given wrongly); {usage} keygen would overwrite a key, or --key without --policy</translation>
    </message>
    <message>
        <source>tarkista koneen käytäntö tai vielä asentamaton käytäntötiedosto tai -hakemisto (--policy)</source>
        <translation>check the machine policy, or a policy file or directory (--policy) not yet installed</translation>
    </message>
    <message>
        <source>tarkistettava käytäntötiedosto tai -hakemisto</source>
        <translation>a policy file or directory to check</translation>
    </message>
    <message>
        <source>valinnan --policy kanssa: tarkista myös sen allekirjoitukset ja sarjanumerot tätä julkista avainta vasten</source>
        <translation>with --policy: check its signatures and serials too, against this public key</translation>
    </message>
    <message>
        <source>käytännön jokainen kenttä dokumentoituna (Markdown, englanniksi)</source>
        <translation>every policy field, documented (Markdown, in English)</translation>
    </message>
    <message>
        <source>uusi Ed25519-allekirjoitusavainpari</source>
        <translation>a new Ed25519 signing key pair</translation>
    </message>
    <message>
        <source>minne se tehdään</source>
        <translation>where to put it</translation>
    </message>
    <message>
        <source>allekirjoita käytäntötiedosto: kirjoittaa sen viereen tiedoston FILE.sig</source>
        <translation>sign a policy file: writes FILE.sig beside it</translation>
    </message>
    <message>
        <source>tarkista FILE.sig tiedostoa FILE ja julkista avainta vasten</source>
        <translation>check FILE.sig against FILE and the public key</translation>
    </message>
    <message>
        <source>Päivystys – sosiaalipäivystyksen työasema. Ilman komentoa avaa ikkunan.</source>
        <translation>Päivystys – the social emergency duty workstation. Without a command, opens the window.</translation>
    </message>
    <message>
        <source>näytä ohjelman versio ja lopeta</source>
        <translation>show program&apos;s version number and exit</translation>
    </message>
    <message>
        <source>tarkista tämä asennus tilapäisessä profiilissa (käytäntö, avainsäilö, lähtevät, tulostettu asiakirja, Qt ilman näyttöä) ja lopeta; asentajille ja helpdeskille</source>
        <translation>check this installation in a temporary profile (policy, credential store, outbox, a printed document, Qt offscreen) and exit; for installers and helpdesk</translation>
    </message>
    <message>
        <source>valinnan --self-test kanssa: koneluettava tuloste</source>
        <translation>with --self-test: machine-readable output</translation>
    </message>
    <message>
        <source>koneluettava tuloste</source>
        <translation>machine-readable output</translation>
    </message>
    <message>
        <source>tarjoa käytännön jokaiselle kunnalle harjoitusjärjestelmä osoitteessa 127.0.0.1</source>
        <translation>serve one training system per municipality of the policy on 127.0.0.1</translation>
    </message>
    <message>
        <source>hakemistopalvelimen portti (oletus: mikä tahansa vapaa)</source>
        <translation>index server port (default: any free)</translation>
    </message>
    <message>
        <source>IPv4-osoite, jota kuunnellaan (oletus 127.0.0.1: vain tämä kone); luokkahuoneen palvelimelle osoite, johon harjoittelijat yltävät, tai 0.0.0.0 kaikille, jolloin se ilmoittaa tämän koneen nimen</source>
        <translation>IPv4 address to listen on (default 127.0.0.1: this machine only); a classroom server gives the address trainees reach, or 0.0.0.0 for all, and then advertises this machine&apos;s name</translation>
    </message>
    <message>
        <source>tulosta kouluttajan aineisto käytännöstä (Markdown: kunkin kunnan keksityt asiakkaat ja harjoitustehtävät) ja lopeta</source>
        <translation>print the trainer&apos;s material for the policy (Markdown: the synthetic clients of each municipality and the practice scenarios) and exit</translation>
    </message>
    <message>
        <source>tarkista käytäntö, avainsäilö, lähtevät ja jokainen järjestelmä</source>
        <translation>check policy, credential store, outbox and every system</translation>
    </message>
    <message>
        <source>toimittamattomien lähtevät: määrät, toimita nyt tai pelasta vaurioituneet</source>
        <translation>the outbox of undelivered items: counts, deliver now, or salvage a damaged one</translation>
    </message>
    <message>
        <source>status: mitä odottaa; flush: toimita odottavat nyt; salvage: kopioi vaurioituneiden lähtevien jokainen luettava kohde uusiin lähteviin, siirrä vanhat tiedostot (ei koskaan poistettu) profiilin hakemistoon damaged-YYYYMMDD-HHMMSS/ ja ota uudet käyttöön</source>
        <translation>status: what waits; flush: deliver what waits, now; salvage: copy every readable item of a damaged outbox into a new one, move the old files (never deleted) into damaged-YYYYMMDD-HHMMSS/ in the profile and put the new one in place</translation>
    </message>
    <message>
        <source>confirm-destination: kunta, jonka pidätetyt kohteet lähtevät sinne, minne käytäntö nyt ohjaa</source>
        <translation>confirm-destination: the municipality whose held items go where the policy now says</translation>
    </message>
    <message>
        <source>onko alueellinen päivystys käynnissä, mistä mihin, ja kuka vastaa</source>
        <translation>is the regional duty on, since and until when, and who is responsible</translation>
    </message>
    <message>
        <source>paluuarvot: {ok} vastattu, {policy} käytäntö virheellinen tai puuttuu, {usage} --at ei ole ajankohta</source>
        <translation>exit codes: {ok} answered, {policy} policy invalid or missing, {usage} --at is not a time</translation>
    </message>
    <message>
        <source>ajankohta, jota kysytään (oletus: nyt); ilman aikaeroa Suomen aikaa</source>
        <translation>the moment to ask about (default: now); without an offset it is Finnish time</translation>
    </message>
    <message>
        <source>komentorivillä annettu käytäntö hyväksytään vain harjoitteluun (--training, --training-server, training-server) ja komennolle &apos;policy check&apos;. Tämä työasema käyttää vain ylläpitäjien koneen käytäntöä ({where}). Mitään ei käynnistetty eikä lähetetty.</source>
        <translation>a policy given on the command line is accepted only for training (--training, --training-server, training-server) and by &apos;policy check&apos;. This workstation uses only the administrators&apos; machine policy ({where}). Nothing was started or sent.</translation>
    </message>
    <message>
        <source>  tiedosto: {source}
  kenttä:   {field}
  ongelma:  {problem}</source>
        <translation>  file:    {source}
  field:   {field}
  problem: {problem}</translation>
    </message>
    <message>
        <source>(koko tiedosto)</source>
        <translation>(whole file)</translation>
    </message>
    <message>
        <source>paivystys policy {action}: hylätty.</source>
        <translation>paivystys policy {action}: refused.</translation>
    </message>
    <message>
        <source>paivystys: koneen käytäntöä ei voi käyttää.</source>
        <translation>paivystys: the machine policy cannot be used.</translation>
    </message>
    <message>
        <source>Ota yhteys helpdeskiin: käytännön korjaaminen kuuluu heille.</source>
        <translation>Contact helpdesk: the policy is theirs to correct.</translation>
    </message>
    <message>
        <source>outbox confirm-destination vaatii: --municipality CODE</source>
        <translation>outbox confirm-destination needs --municipality CODE</translation>
    </message>
    <message>
        <source>paivystys --self-test: EPÄONNISTUI: {reason}</source>
        <translation>paivystys --self-test: FAILED: {reason}</translation>
    </message>
    <message>
        <source>--json ennen komentoa on valinnalle --self-test</source>
        <translation>--json before a command is for --self-test</translation>
    </message>
    <message>
        <source>--self-test ei ota komentoa</source>
        <translation>--self-test takes no command</translation>
    </message>
    <message>
        <source>--self-test tarkistaa tämän koneen, ei harjoituspalvelinta: käytä valintaa --training</source>
        <translation>--self-test checks this machine, not a training server: use --training</translation>
    </message>
    <message>
        <source>paivystys: harjoituspalvelin käyttökelvoton: {error}</source>
        <translation>paivystys: training server unusable: {error}</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <source>Asiakaskortti</source>
        <translation>Client card</translation>
    </message>
    <message>
        <source>Tilanne</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Nimi</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Henkilötunnus</source>
        <translation>Personal identity code</translation>
    </message>
    <message>
        <source>Osoite</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Huoltajat</source>
        <translation>Guardians</translation>
    </message>
    <message>
        <source>Lapset</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>Suunnitelma</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Vastuutyöntekijä</source>
        <translation>Responsible worker</translation>
    </message>
    <message>
        <source>Virka-ajan yhteys</source>
        <translation>Office-hours contact</translation>
    </message>
    <message>
        <source>Rekisterinpitäjä</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>&amp;Uusi asiakas (Ctrl+Shift+N)</source>
        <translation>&amp;New client (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Uusi asiakas tähän kuntaan</source>
        <translation>New client in this municipality</translation>
    </message>
    <message>
        <source>puh. {phone}</source>
        <translation>tel. {phone}</translation>
    </message>
    <message>
        <source>faksi {fax}</source>
        <translation>fax {fax}</translation>
    </message>
    <message>
        <source>Haetaan asiakasta…</source>
        <translation>Searching for the client…</translation>
    </message>
    <message>
        <source>Henkilö ei ole tämän kunnan asiakas (ei löytynyt kunnan järjestelmästä).</source>
        <translation>The person is not a client of this municipality (not found in the municipality&apos;s system).</translation>
    </message>
    <message>
        <source>Kirjaa hänet uutena asiakkaana: Uusi asiakas (Ctrl+Shift+N). Kirjaus, siirto tai ilmoitus lähtee väestötietojen kanssa, ja asiakkuus avataan kunnan järjestelmään.</source>
        <translation>Record them as a new client: New client (Ctrl+Shift+N). The entry, handoff or notification is sent with the population data, and the client relationship is opened in the municipality&apos;s system.</translation>
    </message>
    <message>
        <source>Ei suomalaista henkilötunnusta: kirjaus merkitään tunnistettavaksi, ja virka-aikainen työntekijä tunnistaa henkilön.</source>
        <translation>No Finnish personal identity code: the entry is marked for identification, and the office-hours worker identifies the person.</translation>
    </message>
    <message>
        <source>Uusi asiakas: asiakkuus avataan kirjauksen mukana.</source>
        <translation>New client: the client relationship is opened with the entry.</translation>
    </message>
    <message>
        <source>syntynyt {date}</source>
        <translation>born {date}</translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei näytetä</source>
        <translation>ADDRESS NON-DISCLOSURE – the address is not shown</translation>
    </message>
    <message>
        <source>Asiakasta ei voitu hakea.</source>
        <translation>The client could not be searched for.</translation>
    </message>
    <message>
        <source>Asiakasta ei voitu hakea: asiakastietojärjestelmä ei vastannut.</source>
        <translation>The client could not be searched for: the client information system did not answer.</translation>
    </message>
    <message>
        <source>Voit silti kirjoittaa kirjauksen tälle henkilötunnukselle (Ctrl+N) ja tallentaa sen: se odottaa salatuissa lähtevissä ja lähtee, kun järjestelmä vastaa.</source>
        <translation>You can still write an entry for this personal identity code (Ctrl+N) and save it: it waits in the encrypted outbox and is sent when the system answers.</translation>
    </message>
    <message>
        <source>(väestötiedoista)</source>
        <translation>(from the population data)</translation>
    </message>
    <message>
        <source>(päivitetty {date})</source>
        <translation>(updated {date})</translation>
    </message>
</context>
<context>
    <name>ClientSearch</name>
    <message>
        <source>Henkilötunnus, esim. PPKKVV-NNNT</source>
        <translation>Personal identity code, e.g. DDMMYY-NNNC</translation>
    </message>
    <message>
        <source>Henkilötunnus</source>
        <translation>Personal identity code</translation>
    </message>
    <message>
        <source>Asiakkaan henkilötunnus; Enter hakee, Ctrl+F siirtyy tähän kenttään.</source>
        <translation>The client&apos;s personal identity code; Enter searches, Ctrl+F moves to this field.</translation>
    </message>
    <message>
        <source>Henkilötunnuksen tarkistus</source>
        <translation>Personal identity code check</translation>
    </message>
    <message>
        <source>Väliaikainen tunnus</source>
        <translation>Temporary identifier</translation>
    </message>
    <message>
        <source>&amp;Henkilötunnus:</source>
        <translation>&amp;Personal identity code:</translation>
    </message>
</context>
<context>
    <name>ConnectivitySummary</name>
    <message>
        <source>Yhteyden tila</source>
        <translation>Connection status</translation>
    </message>
</context>
<context>
    <name>CorrectionEditor</name>
    <message>
        <source>Korjaa kirjaus</source>
        <translation>Correct the entry</translation>
    </message>
    <message>
        <source>Järjestelmä hylkäsi kirjauksen: {reason}</source>
        <translation>The system rejected the entry: {reason}</translation>
    </message>
    <message>
        <source>Kuvaus tilanteesta</source>
        <translation>Description of the situation</translation>
    </message>
    <message>
        <source>Tehdyt toimenpiteet</source>
        <translation>Actions taken</translation>
    </message>
    <message>
        <source>Vaatii jatkotoimia virka-aikana</source>
        <translation>Needs follow-up during office hours</translation>
    </message>
    <message>
        <source>Kuvaus:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Toimenpiteet:</source>
        <translation>Actions:</translation>
    </message>
    <message>
        <source>Kirjauksesta puuttuu kuvaus. Kirjoita, mitä tapahtui.</source>
        <translation>The entry has no description. Write what happened.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Odottamaton virhe</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Päivystyksessä tapahtui odottamaton virhe. Tallennetut kirjaukset ovat tallessa. Ota yhteys helpdeskiin: kerro, mitä olit tekemässä, ja liitä mukaan vianetsintätiedot. Jos ikkuna ei toimi kuten ennen, sulje Päivystys ja käynnistä se uudelleen.</source>
        <translation>An unexpected error occurred in Päivystys. Saved entries are safe. Contact the helpdesk: tell them what you were doing and attach the diagnostic details. If the window does not work as before, close Päivystys and start it again.</translation>
    </message>
    <message>
        <source>&amp;Kopioi vianetsintätiedot</source>
        <translation>&amp;Copy the diagnostic details</translation>
    </message>
    <message>
        <source>&amp;Sulje</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Vianetsintätiedot kopioitu leikepöydälle.</source>
        <translation>Diagnostic details copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>Päivämäärää {date} ei ole. Korjaa päivä, kuukausi tai vuosi; mitään ei tallennettu eikä lähetetty.</source>
        <translation>There is no date {date}. Correct the day, month or year; nothing was saved or sent.</translation>
    </message>
</context>
<context>
    <name>DiscardDialog</name>
    <message>
        <source>Hylkäämisen syy</source>
        <translation>Reason for discarding</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Syy:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Kirjoita hylkäämisen syy.</source>
        <translation>Write the reason for discarding.</translation>
    </message>
    <message>
        <source>Hylkää lähtevä kirjaus</source>
        <translation>Discard an outgoing entry</translation>
    </message>
    <message>
        <source>Kirjaus {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään.</source>
        <translation>The entry {label} ({where}) is removed from the outbox and will not be delivered. A note of the discarding and its reason is sent to the registrar&apos;s system.</translation>
    </message>
    <message>
        <source>Miksi kirjaus hylätään? (pakollinen)</source>
        <translation>Why is the entry discarded? (required)</translation>
    </message>
    <message>
        <source>Hylkää kirjaus</source>
        <translation>Discard the entry</translation>
    </message>
    <message>
        <source>Hylkää lähtevä viesti</source>
        <translation>Discard an outgoing message</translation>
    </message>
    <message>
        <source>Viesti {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään.</source>
        <translation>The message {label} ({where}) is removed from the outbox and will not be delivered. A note of the discarding and its reason is sent to the registrar&apos;s system.</translation>
    </message>
    <message>
        <source>Miksi viesti hylätään? (pakollinen)</source>
        <translation>Why is the message discarded? (required)</translation>
    </message>
    <message>
        <source>Hylkää viesti</source>
        <translation>Discard the message</translation>
    </message>
    <message>
        <source>Hylkää lähtevä lastensuojeluilmoitus</source>
        <translation>Discard an outgoing child welfare notification</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään. Jos ilmoitus on silti tehtävä, tee se uudelleen tai faksaa se.</source>
        <translation>The child welfare notification {label} ({where}) is removed from the outbox and will not be delivered. A note of the discarding and its reason is sent to the registrar&apos;s system. If the notification must still be made, make it again or fax it.</translation>
    </message>
    <message>
        <source>Miksi ilmoitus hylätään? (pakollinen)</source>
        <translation>Why is the notification discarded? (required)</translation>
    </message>
    <message>
        <source>Hylkää ilmoitus</source>
        <translation>Discard the notification</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>käytäntö: kunnossa ({count} kuntaa, sarjanumero {serial})</source>
        <translation>policy: ok ({count} municipalities, serial {serial})</translation>
    </message>
    <message>
        <source>avainsäilö: {backend}</source>
        <translation>keyring: {backend}</translation>
    </message>
    <message>
        <source>avainsäilö: ei käytettävissä ({code})</source>
        <translation>keyring: unavailable ({code})</translation>
    </message>
    <message>
        <source>tavoitettavissa</source>
        <translation>reachable</translation>
    </message>
    <message>
        <source>EI tavoitettavissa (ei vastausta {seconds:g} s:ssa)</source>
        <translation>NOT reachable (no answer within {seconds:g} s)</translation>
    </message>
    <message>
        <source>EI tavoitettavissa ({error})</source>
        <translation>NOT reachable ({error})</translation>
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
        <translation>CONFIDENTIAL</translation>
    </message>
    <message>
        <source>JulkL 621/1999 24 § 1 mom. 25 k; laki sosiaalihuollon asiakkaan asemasta ja oikeuksista 812/2000</source>
        <translation>Act on the Openness of Government Activities 621/1999 s. 24(1)(25); Act on the Status and Rights of Social Welfare Clients 812/2000</translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei tulosteta</source>
        <translation>ADDRESS NON-DISCLOSURE – the address is not printed</translation>
    </message>
    <message>
        <source>ei tiedossa</source>
        <translation>not known</translation>
    </message>
    <message>
        <source>{day}.{month}.{year} klo {time}</source>
        <translation>{day}/{month}/{year} at {time}</translation>
    </message>
    <message>
        <source>kyllä</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>ei</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Sivu {page} / {total}</source>
        <translation>Page {page} / {total}</translation>
    </message>
    <message>
        <source>Tulostanut: {name}, {when}</source>
        <translation>Printed by: {name}, {when}</translation>
    </message>
    <message>
        <source>112 (hätäkeskus)</source>
        <translation>112 (Emergency Response Centre)</translation>
    </message>
    <message>
        <source>Poliisi</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Asiakas itse</source>
        <translation>The client</translation>
    </message>
    <message>
        <source>Muu viranomainen</source>
        <translation>Other authority</translation>
    </message>
    <message>
        <source>Muu</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Lastensuojelu</source>
        <translation>Child welfare</translation>
    </message>
    <message>
        <source>Aikuissosiaalityö</source>
        <translation>Adult social work</translation>
    </message>
    <message>
        <source>Toimeentulotuki</source>
        <translation>Social assistance</translation>
    </message>
    <message>
        <source>Ei suomalaista henkilötunnusta – tunnistettava</source>
        <translation>No Finnish personal identity code – to be identified</translation>
    </message>
    <message>
        <source>Asiakas</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Henkilötunnus</source>
        <translation>Personal identity code</translation>
    </message>
    <message>
        <source>Osoite</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Syntymäaika</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Kansalaisuus</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Kieli</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Henkilön kuvaus</source>
        <translation>Description of the person</translation>
    </message>
    <message>
        <source>Asiakaskertomukseen – {municipality}</source>
        <translation>For the client narrative record – {municipality}</translation>
    </message>
    <message>
        <source>Kunta</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Rekisterinpitäjä</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Yhteydenottoaika</source>
        <translation>Time of contact</translation>
    </message>
    <message>
        <source>Yhteydenottaja</source>
        <translation>Contacted by</translation>
    </message>
    <message>
        <source>Tehtävä</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Tilanteen kuvaus</source>
        <translation>Description of the situation</translation>
    </message>
    <message>
        <source>Toimenpiteet</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Jatkotoimenpiteet</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Jatkotoimia tarvitaan</source>
        <translation>Follow-up needed</translation>
    </message>
    <message>
        <source>Kirjaaja</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Kirjauksen tunniste</source>
        <translation>Entry reference</translation>
    </message>
    <message>
        <source>ei ilmoitettu – soita</source>
        <translation>not given – call</translation>
    </message>
    <message>
        <source>Sivumäärä (kansilehti mukaan lukien)</source>
        <translation>Number of pages (including the cover)</translation>
    </message>
    <message>
        <source>Virka-aikaiselle päivystäjälle – asiakasasian siirto jatkotoimiin</source>
        <translation>To the office-hours duty worker – client matter handed off for follow-up</translation>
    </message>
    <message>
        <source>Asiakasasian siirto jatkotoimia varten; tiedot seuraavilla sivuilla.</source>
        <translation>Client matter handed off for follow-up; details on the following pages.</translation>
    </message>
    <message>
        <source>FAKSI</source>
        <translation>FAX</translation>
    </message>
    <message>
        <source>Vastaanottaja</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Faksinumero</source>
        <translation>Fax number</translation>
    </message>
    <message>
        <source>Puhelin</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Lähettäjä</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Lähettäjän puhelin</source>
        <translation>Sender&apos;s phone</translation>
    </message>
    <message>
        <source>Käsittelijä</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>Päivämäärä</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Tämä faksi sisältää salassa pidettäviä asiakastietoja. Jos se on tullut väärälle vastaanottajalle, ilmoita lähettäjälle puh. {phone} ja hävitä asiakirja. Tietoja ei saa käyttää eikä luovuttaa eteenpäin.</source>
        <translation>This fax contains confidential client data. If it has reached the wrong recipient, tell the sender on tel. {phone} and destroy the document. The data must not be used or passed on.</translation>
    </message>
    <message>
        <source>Soitan sosiaalipäivystyksestä ({unit}), nimeni on {author}. Lähetimme faksilla {total} sivua (kansilehti mukaan lukien) asiakkaan {client} asiasta jatkotoimia varten. Pyydän vahvistamaan, että faksi on tullut perille kokonaan, ja kertomaan, kuka ottaa asian hoitaakseen.</source>
        <translation>I am calling from the social emergency duty ({unit}), my name is {author}. We have faxed {total} pages (including the cover) about the client {client} for follow-up. Please confirm that the whole fax has arrived and tell me who will take the matter on.</translation>
    </message>
    <message>
        <source>{unit}, puh. {phone}</source>
        <translation>{unit}, tel. {phone}</translation>
    </message>
    <message>
        <source>, puh. {phone}</source>
        <translation>, tel. {phone}</translation>
    </message>
    <message>
        <source>ASIAKASASIAN SIIRTO</source>
        <translation>CLIENT MATTER HANDOFF</translation>
    </message>
    <message>
        <source>Vastuutyöntekijä</source>
        <translation>Responsible worker</translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Tarvittavat jatkotoimet</source>
        <translation>Follow-up needed</translation>
    </message>
    <message>
        <source>Siirtäjä</source>
        <translation>Handed off by</translation>
    </message>
    <message>
        <source>Puhelinmuistio</source>
        <translation>Call notes</translation>
    </message>
    <message>
        <source>Soita</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Kerro puhelimessa</source>
        <translation>Say on the phone</translation>
    </message>
    <message>
        <source>Faksi lähetetty (pvm, klo)</source>
        <translation>Fax sent (date, time)</translation>
    </message>
    <message>
        <source>Vastaanotto vahvistettu (kuka)</source>
        <translation>Receipt confirmed (by whom)</translation>
    </message>
    <message>
        <source>Lastensuojelulaki (417/2007) 25 § – ilmoitusvelvollisuus</source>
        <translation>Child Welfare Act (417/2007) section 25 – duty to notify</translation>
    </message>
    <message>
        <source>Lastensuojelulaki 26 §: sosiaalityöntekijän on arvioitava lapsen mahdollinen kiireellinen lastensuojelun tarve välittömästi ja ratkaistava viimeistään seitsemäntenä arkipäivänä ilmoituksen saapumisesta, ryhdytäänkö asian selvittämiseen.</source>
        <translation>Child Welfare Act section 26: the social worker must assess at once whether the child may urgently need child welfare, and decide by the seventh working day after the notification arrived whether the matter is to be investigated.</translation>
    </message>
    <message>
        <source>KIIREELLINEN – lapsen suojelun tarve arvioitava heti</source>
        <translation>URGENT – the child&apos;s need for protection to be assessed at once</translation>
    </message>
    <message>
        <source>Ei kiireellinen</source>
        <translation>Not urgent</translation>
    </message>
    <message>
        <source>Organisaatio</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Ilmoittaja</source>
        <translation>Notifier</translation>
    </message>
    <message>
        <source>Ilmoittajan viite</source>
        <translation>Notifier&apos;s reference</translation>
    </message>
    <message>
        <source>Lastensuojeluun – lastensuojeluilmoitus</source>
        <translation>To child welfare – child welfare notification</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus (LsL 25 §); tiedot seuraavilla sivuilla.</source>
        <translation>Child welfare notification (Child Welfare Act s. 25); details on the following pages.</translation>
    </message>
    <message>
        <source>{municipality} – lastensuojelu</source>
        <translation>{municipality} – child welfare</translation>
    </message>
    <message>
        <source>Lapsi</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Nimi</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kiireellisyys</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Arvio</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Tiedottaminen</source>
        <translation>Informing</translation>
    </message>
    <message>
        <source>Lapselle kerrottu ilmoituksesta</source>
        <translation>Child told of the notification</translation>
    </message>
    <message>
        <source>Huoltajille kerrottu ilmoituksesta</source>
        <translation>Guardians told of the notification</translation>
    </message>
    <message>
        <source>Vastaanotto</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Vastaanotettu</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Vastaanottanut työntekijä</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Sosiaalipäivystyksen kirjaus</source>
        <translation>Social emergency duty entry</translation>
    </message>
    <message>
        <source>Faksi virka-aikaiselle päivystäjälle</source>
        <translation>Fax to the office-hours duty worker</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation>Child welfare notification</translation>
    </message>
    <message>
        <source>(nimi ei tiedossa)</source>
        <translation>(name not known)</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>Luonnosta ei voitu tallentaa salattuihin lähteviin. Teksti on yhä lomakkeella: tallenna se, kun voit.</source>
        <translation>The draft could not be saved in the encrypted outbox. The text is still on the form: save it when you can.</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Tallentamattomat luonnokset</source>
        <translation>Unsaved drafts</translation>
    </message>
    <message>
        <source>Edellisellä kerralla jäi kesken kirjoitettua tekstiä. Valitse luonnos ja paina Enter: asiakas haetaan ja teksti palaa lomakkeelle. Esc jättää luonnokset myöhemmäksi.</source>
        <translation>Text was left unfinished last time. Choose a draft and press Enter: the client is searched for and the text returns to the form. Esc leaves the drafts for later.</translation>
    </message>
    <message>
        <source>Luonnokset</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Kirjaus</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Siirto virka-aikaiselle</source>
        <translation>Handoff to office hours</translation>
    </message>
    <message>
        <source>ei tunnusta</source>
        <translation>no identifier</translation>
    </message>
    <message>
        <source>{form}: {who} {code} – {municipality}, {when}</source>
        <translation>{form}: {who} {code} – {municipality}, {when}</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation>Child welfare notification</translation>
    </message>
    <message>
        <source>&amp;Jatka luonnosta</source>
        <translation>&amp;Continue the draft</translation>
    </message>
    <message>
        <source>&amp;Myöhemmin</source>
        <translation>&amp;Later</translation>
    </message>
</context>
<context>
    <name>DutyBanner</name>
    <message>
        <source>{weekday} {date} klo {time}</source>
        <translation>{weekday} {date} at {time}</translation>
    </message>
    <message>
        <source>arki-ilta ja -yö</source>
        <translation>weekday evening and night</translation>
    </message>
    <message>
        <source>viikonloppu</source>
        <translation>weekend</translation>
    </message>
    <message>
        <source>pyhäpäivä</source>
        <translation>public holiday</translation>
    </message>
    <message>
        <source>pyhän aatto</source>
        <translation>eve of a public holiday</translation>
    </message>
    <message>
        <source>virka-aika</source>
        <translation>office hours</translation>
    </message>
    <message>
        <source>Päivystys auki – {when} asti</source>
        <translation>Duty on – until {when}</translation>
    </message>
    <message>
        <source>Päivystys kiinni (virka-aika) – {when} asti</source>
        <translation>Duty off (office hours) – until {when}</translation>
    </message>
    <message>
        <source>VIRKA-AIKA – kunnat vastaavat nyt itse asiakkaistaan. Valitse kunta (Ctrl+1…Ctrl+9), niin sen virka-ajan yhteystiedot näkyvät tässä. Alueellinen päivystys alkaa {opens}.</source>
        <translation>OFFICE HOURS – the municipalities are now responsible for their own clients. Choose a municipality (Ctrl+1…Ctrl+9) to see its office-hours contact details here. The regional duty starts {opens}.</translation>
    </message>
    <message>
        <source>VIRKA-AIKA – {name} vastaa nyt itse asiakkaistaan. Ohjaa asia kunnan virka-ajan päivystykseen: {unit}, puh. {phone}. Alueellinen päivystys alkaa {opens}.</source>
        <translation>OFFICE HOURS – {name} is now responsible for its own clients. Refer the matter to the municipality&apos;s office-hours duty: {unit}, tel. {phone}. The regional duty starts {opens}.</translation>
    </message>
    <message>
        <source>Päivystyksen tila</source>
        <translation>Duty status</translation>
    </message>
    <message>
        <source>Virka-aika: kunta vastaa</source>
        <translation>Office hours: the municipality is responsible</translation>
    </message>
    <message>
        <source>{reason}. Alkoi {since}, päättyy {until}.</source>
        <translation>{reason}. Started {since}, ends {until}.</translation>
    </message>
</context>
<context>
    <name>DutyDesk</name>
    <message>
        <source>Hae ensin asiakas henkilötunnuksella (Ctrl+F).</source>
        <translation>First search for the client by personal identity code (Ctrl+F).</translation>
    </message>
    <message>
        <source>Luonnos palautettu: jatka kirjoittamista.</source>
        <translation>Draft restored: continue writing.</translation>
    </message>
    <message>
        <source>Uusi asiakas: hae ensin henkilötunnuksella henkilö, joka ei ole kunnan asiakas.</source>
        <translation>New client: first search by personal identity code for a person who is not a client of the municipality.</translation>
    </message>
    <message>
        <source>Haetaan henkilön tietoja väestötietojärjestelmästä…</source>
        <translation>Fetching the person&apos;s details from the Population Information System…</translation>
    </message>
    <message>
        <source>Henkilö ilman henkilötunnusta korvaa kortin asiakkaan.</source>
        <translation>The person without a personal identity code replaces the client on the card.</translation>
    </message>
    <message>
        <source>Odota: kirjausta tallennetaan.</source>
        <translation>Wait: the entry is being saved.</translation>
    </message>
    <message>
        <source>Henkilötunnus muuttui: kortti tyhjennettiin. Hae Enterillä.</source>
        <translation>The personal identity code changed: the card was cleared. Search with Enter.</translation>
    </message>
    <message>
        <source>Henkilötunnus-kenttään kirjoitettiin toinen tunnus.</source>
        <translation>Another identifier was typed in the personal identity code field.</translation>
    </message>
    <message>
        <source>Luonnos säilytetty salattuna. Se tarjotaan, kun haet asiakkaan.</source>
        <translation>Draft kept encrypted. It is offered when you search for the client.</translation>
    </message>
    <message>
        <source>Kirjaus suljetaan.</source>
        <translation>The entry is closed.</translation>
    </message>
    <message>
        <source>Uusi haku sulkee avoimen kirjauksen.</source>
        <translation>A new search closes the open entry.</translation>
    </message>
    <message>
        <source>Haetaan asiakasta ({where})…</source>
        <translation>Searching for the client ({where})…</translation>
    </message>
    <message>
        <source>Asiakastiedot haettu ({where}).</source>
        <translation>Client details fetched ({where}).</translation>
    </message>
    <message>
        <source>Tallennetaan kirjausta ({where})…</source>
        <translation>Saving the entry ({where})…</translation>
    </message>
    <message>
        <source>Kirjausta ei tallennettu: henkilötunnus-kentässä tai kortilla on eri henkilö kuin kirjauksessa ({who}). Teksti on tallessa lomakkeella; palauta oikea tunnus kenttään tai hae asiakas uudelleen.</source>
        <translation>The entry was not saved: the personal identity code field or the card shows a different person from the entry ({who}). The text is kept on the form; put the right code back in the field or search for the client again.</translation>
    </message>
</context>
<context>
    <name>DutyHours</name>
    <message>
        <source>arki-ilta ja -yö</source>
        <translation>weekday evening and night</translation>
    </message>
    <message>
        <source>viikonloppu</source>
        <translation>weekend</translation>
    </message>
    <message>
        <source>pyhäpäivä</source>
        <translation>public holiday</translation>
    </message>
    <message>
        <source>pyhän aatto</source>
        <translation>eve of a public holiday</translation>
    </message>
    <message>
        <source>virka-aika</source>
        <translation>office hours</translation>
    </message>
    <message>
        <source>ma ti ke to pe la su</source>
        <translation>Mon Tue Wed Thu Fri Sat Sun</translation>
    </message>
    <message>
        <source>päivystys: AUKI: {reason}</source>
        <translation>duty: ON: {reason}</translation>
    </message>
    <message>
        <source>päivystys: KIINNI: {reason}</source>
        <translation>duty: OFF: {reason}</translation>
    </message>
    <message>
        <source>  hetkellä:  {when}</source>
        <translation>  at:    {when}</translation>
    </message>
    <message>
        <source>  alkaen:    {when}</source>
        <translation>  since: {when}</translation>
    </message>
    <message>
        <source>  päättyen:  {when}</source>
        <translation>  until: {when}</translation>
    </message>
    <message>
        <source>vastaa: alueellinen päivystys, {unit}, puh. {phone}</source>
        <translation>responsible: the regional duty, {unit}, phone {phone}</translation>
    </message>
    <message>
        <source>vastaa: alueellinen päivystys, {unit}</source>
        <translation>responsible: the regional duty, {unit}</translation>
    </message>
    <message>
        <source>vastaa: kunkin kunnan virka-aikainen päivystys</source>
        <translation>responsible: each municipality&apos;s office-hours duty</translation>
    </message>
    <message>
        <source>  {code} {name}: {unit}, puh. {phone}, faksi {fax}</source>
        <translation>  {code} {name}: {unit}, phone {phone}, fax {fax}</translation>
    </message>
    <message>
        <source>  {code} {name}: {unit}, puh. {phone}</source>
        <translation>  {code} {name}: {unit}, phone {phone}</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Kirjaus</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Päivystyskirjaus</source>
        <translation>Duty entry</translation>
    </message>
    <message>
        <source>Kenen kirjaus</source>
        <translation>Whose entry</translation>
    </message>
    <message>
        <source>Yhteydenoton aika</source>
        <translation>Time of contact</translation>
    </message>
    <message>
        <source>Yhteydenottaja</source>
        <translation>Contacted by</translation>
    </message>
    <message>
        <source>112 (hätäkeskus)</source>
        <translation>112 (Emergency Response Centre)</translation>
    </message>
    <message>
        <source>Poliisi</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Asiakas itse</source>
        <translation>The client</translation>
    </message>
    <message>
        <source>Muu viranomainen</source>
        <translation>Other authority</translation>
    </message>
    <message>
        <source>Muu</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Tehtävätyyppi</source>
        <translation>Task type</translation>
    </message>
    <message>
        <source>Lastensuojelu</source>
        <translation>Child welfare</translation>
    </message>
    <message>
        <source>Aikuissosiaalityö</source>
        <translation>Adult social work</translation>
    </message>
    <message>
        <source>Toimeentulotuki</source>
        <translation>Social assistance</translation>
    </message>
    <message>
        <source>Tehtävätyyppiä ei käsitellä</source>
        <translation>This task type is not handled</translation>
    </message>
    <message>
        <source>Kuvaus tilanteesta</source>
        <translation>Description of the situation</translation>
    </message>
    <message>
        <source>Kuvauksen pituus</source>
        <translation>Length of the description</translation>
    </message>
    <message>
        <source>Toimenpiteiden pituus</source>
        <translation>Length of the actions</translation>
    </message>
    <message>
        <source>Tehdyt toimenpiteet</source>
        <translation>Actions taken</translation>
    </message>
    <message>
        <source>Vaatii jatkotoimia virka-aikana</source>
        <translation>Needs follow-up during office hours</translation>
    </message>
    <message>
        <source>Jatkotoimet tarpeen</source>
        <translation>Follow-up needed</translation>
    </message>
    <message>
        <source>Tallenna (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Tallenna kirjaus</source>
        <translation>Save the entry</translation>
    </message>
    <message>
        <source>Peruuta</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Peruuta kirjaus</source>
        <translation>Cancel the entry</translation>
    </message>
    <message>
        <source>Yhteydenoton aika:</source>
        <translation>Time of contact:</translation>
    </message>
    <message>
        <source>Yhteydenottaja:</source>
        <translation>Contacted by:</translation>
    </message>
    <message>
        <source>Tehtävätyyppi:</source>
        <translation>Task type:</translation>
    </message>
    <message>
        <source>Kuvaus:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Toimenpiteet:</source>
        <translation>Actions:</translation>
    </message>
    <message>
        <source>Kirjaus henkilölle ilman henkilötunnusta: {who} – {municipality}</source>
        <translation>Entry for a person without a personal identity code: {who} – {municipality}</translation>
    </message>
    <message>
        <source>Virka-aikainen työntekijä tunnistaa henkilön.</source>
        <translation>The office-hours worker identifies the person.</translation>
    </message>
    <message>
        <source>Kirjaus uudelle asiakkaalle: {who} – {municipality}</source>
        <translation>Entry for a new client: {who} – {municipality}</translation>
    </message>
    <message>
        <source>Asiakkuus avataan kunnan järjestelmään kirjauksen mukana.</source>
        <translation>The client relationship is opened in the municipality&apos;s system with the entry.</translation>
    </message>
    <message>
        <source>Kirjaus asiakkaalle: {who} – {municipality}</source>
        <translation>Entry for the client: {who} – {municipality}</translation>
    </message>
    <message>
        <source>Kirjauksesta puuttuu kuvaus. Kirjoita, mitä tapahtui; mitään ei lähetetty.</source>
        <translation>The entry has no description. Write what happened; nothing was sent.</translation>
    </message>
    <message>
        <source>Kuvaus</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Toimenpiteet</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>{length} / {limit} merkkiä</source>
        <translation>{length} / {limit} characters</translation>
    </message>
    <message>
        <source>{excess} liikaa</source>
        <translation>{excess} too many</translation>
    </message>
    <message>
        <source>{field} on liian pitkä: kunnan järjestelmä ottaa enintään {limit} merkkiä, tekstiä on {length}. Lyhennä tekstiä; mitään ei tallennettu eikä lähetetty.</source>
        <translation>{field} is too long: the municipality&apos;s system takes at most {limit} characters, the text has {length}. Shorten the text; nothing was saved or sent.</translation>
    </message>
    <message>
        <source>Sosiaalipäivystys ei käsittele toimeentulotukea, eikä kirjausta voi tallentaa tällä tehtävätyypillä. Ohjaa asiakas hakemaan perustoimeentulotukea Kelasta (kela.fi) ja kunnan sosiaalityöhön virka-aikana: {unit}, puh. {phone}.</source>
        <translation>The social emergency duty does not handle social assistance, and the entry cannot be saved with this task type. Refer the client to apply for basic social assistance from Kela (kela.fi) and to the municipality&apos;s social work during office hours: {unit}, tel. {phone}.</translation>
    </message>
    <message>
        <source>Tallennetaan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>EntryPrinter</name>
    <message>
        <source>Yritä uudelleen (Ctrl+P).</source>
        <translation>Try again (Ctrl+P).</translation>
    </message>
    <message>
        <source>Tulosta (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>Tulosta viimeksi tallennettu kirjaus</source>
        <translation>Print the last saved entry</translation>
    </message>
    <message>
        <source>Ei tulostettavaa kirjausta. Tallenna kirjaus ensin; viimeksi tallennetun kirjauksen voi tulostaa (Ctrl+P), kunnes asiakas vaihtuu.</source>
        <translation>No entry to print. Save the entry first; the last saved entry can be printed (Ctrl+P) until the client changes.</translation>
    </message>
    <message>
        <source>Nimi ei tiedossa</source>
        <translation>Name unknown</translation>
    </message>
    <message>
        <source>Valmistellaan tulostetta…</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <source>Kirjaus lähetetty tulostimelle {name} ({count}).</source>
        <translation>Entry sent to the printer {name} ({count}).</translation>
    </message>
</context>
<context>
    <name>FaxActions</name>
    <message>
        <source>Valmistellaan faksia tulostettavaksi…</source>
        <translation>Preparing the fax for printing…</translation>
    </message>
    <message>
        <source>Tulosta faksi uudelleen.</source>
        <translation>Print the fax again.</translation>
    </message>
    <message>
        <source>Hoida asia puhelimitse virka-aikaiselle, puh. {phone}.</source>
        <translation>Handle the matter by phone with the office-hours worker, tel. {phone}.</translation>
    </message>
    <message>
        <source>Faksin esikatselu</source>
        <translation>Fax preview</translation>
    </message>
    <message>
        <source>Faksi on jo merkitty lähetetyksi tai poistettu lähtevistä.</source>
        <translation>The fax has already been marked as sent or removed from the outbox.</translation>
    </message>
    <message>
        <source>Tämä lähtevä ei ole käsin lähetettävä faksi.</source>
        <translation>This outgoing item is not a fax sent by hand.</translation>
    </message>
    <message>
        <source>Tallennettua faksia ei voi lukea. Soita virka-aikaiselle ja ota yhteys tukeen.</source>
        <translation>The saved fax cannot be read. Call the office-hours worker and contact support.</translation>
    </message>
    <message>
        <source>Faksia ei voitu lukea lähtevistä. Yritä uudelleen.</source>
        <translation>The fax could not be read from the outbox. Try again.</translation>
    </message>
    <message>
        <source>Faksi tulostui ({printer}, {count}). Faksaa se numeroon {fax}, soita {phone} ja merkitse se sitten lähetetyksi.</source>
        <translation>The fax was printed ({printer}, {count}). Fax it to {fax}, call {phone} and then mark it as sent.</translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <source>Onko faksi lähetetty ja virka-aikaiselle soitettu?
{what}</source>
        <translation>Has the fax been sent and the office-hours worker called?
{what}</translation>
    </message>
    <message>
        <source>Lähetetyksi merkitty faksi poistuu avoimista siirroista ja lähtevistä. Merkintää ei voi perua.</source>
        <translation>A fax marked as sent leaves the open handoffs and the outbox. The marking cannot be undone.</translation>
    </message>
    <message>
        <source>Kyllä, lähetetty</source>
        <translation>Yes, sent</translation>
    </message>
    <message>
        <source>Ei vielä</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Faksi merkitty lähetetyksi ({name}). Se poistui avoimista siirroista.</source>
        <translation>Fax marked as sent ({name}). It left the open handoffs.</translation>
    </message>
    <message>
        <source>Faksi oli jo merkitty lähetetyksi tai poistettu lähtevistä.</source>
        <translation>The fax had already been marked as sent or removed from the outbox.</translation>
    </message>
    <message>
        <source>Faksia ei voitu merkitä lähetetyksi. Yritä uudelleen.</source>
        <translation>The fax could not be marked as sent. Try again.</translation>
    </message>
</context>
<context>
    <name>FaxPanel</name>
    <message>
        <source>Faksi ja puhelu</source>
        <translation>Fax and call</translation>
    </message>
    <message>
        <source>Faksin tila</source>
        <translation>Fax status</translation>
    </message>
    <message>
        <source>Puhelinmuistio</source>
        <translation>Call notes</translation>
    </message>
    <message>
        <source>Tulosta faksi</source>
        <translation>Print the fax</translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi…</source>
        <translation>Mark as sent…</translation>
    </message>
    <message>
        <source>Merkitse faksi lähetetyksi</source>
        <translation>Mark the fax as sent</translation>
    </message>
    <message>
        <source>Avoimet siirrot</source>
        <translation>Open handoffs</translation>
    </message>
    <message>
        <source>✔ Faksi merkitty lähetetyksi. Voit sulkea ikkunan.</source>
        <translation>✔ Fax marked as sent. You can close the window.</translation>
    </message>
</context>
<context>
    <name>FieldsCorrectionEditor</name>
    <message>
        <source>Järjestelmä hylkäsi lähetyksen: {reason}</source>
        <translation>The system rejected the submission: {reason}</translation>
    </message>
    <message>
        <source>Kenttä {field} on tyhjä. Täytä se.</source>
        <translation>The field {field} is empty. Fill it in.</translation>
    </message>
</context>
<context>
    <name>Focus</name>
    <message>
        <source>tallenna tai lähetä (lomakkeessa)</source>
        <translation>save or send (in the form)</translation>
    </message>
</context>
<context>
    <name>FollowupController</name>
    <message>
        <source>&amp;Jatkotoimet</source>
        <translation>&amp;Follow-up</translation>
    </message>
    <message>
        <source>&amp;Siirrä virka-aikaiselle…</source>
        <translation>&amp;Hand off to office hours…</translation>
    </message>
    <message>
        <source>&amp;Lastensuojeluilmoitus…</source>
        <translation>&amp;Child welfare notification…</translation>
    </message>
    <message>
        <source>&amp;Avoimet siirrot</source>
        <translation>&amp;Open handoffs</translation>
    </message>
    <message>
        <source>Hae ensin asiakas henkilötunnuksella (Ctrl+F): siirto tehdään kortilla.</source>
        <translation>First search for the client by personal identity code (Ctrl+F): the handoff is made on the card.</translation>
    </message>
    <message>
        <source>Edellinen siirto on vielä auki: tallenna tai sulje se.</source>
        <translation>The previous handoff is still open: save or close it.</translation>
    </message>
    <message>
        <source>Edellinen ilmoitus on vielä auki: välitä tai sulje se.</source>
        <translation>The previous notification is still open: pass it on or close it.</translation>
    </message>
    <message>
        <source>Luonnos palautettu: jatka ilmoitusta.</source>
        <translation>Draft restored: continue the notification.</translation>
    </message>
    <message>
        <source>Siirron luonnosta ei avattu: kortilla ei ole luonnoksen asiakasta. Luonnos säilyy (Ctrl+Shift+L).</source>
        <translation>The handoff draft was not opened: the card does not show the draft&apos;s client. The draft is kept (Ctrl+Shift+L).</translation>
    </message>
    <message>
        <source>Luonnos palautettu: jatka siirtoa.</source>
        <translation>Draft restored: continue the handoff.</translation>
    </message>
    <message>
        <source>Odota: tallennus on kesken.</source>
        <translation>Wait: saving is in progress.</translation>
    </message>
    <message>
        <source>Luonnos säilytetty salattuna. Jatka sitä: Ctrl+Shift+L.</source>
        <translation>Draft kept encrypted. Continue it: Ctrl+Shift+L.</translation>
    </message>
</context>
<context>
    <name>FollowupMessages</name>
    <message>
        <source>ei faksinumeroa – soita</source>
        <translation>no fax number – call</translation>
    </message>
    <message>
        <source>Sisäinen posti ({system})</source>
        <translation>Internal mail ({system})</translation>
    </message>
    <message>
        <source>Lastensuojelun järjestelmään ({system})</source>
        <translation>To the child welfare system ({system})</translation>
    </message>
    <message>
        <source>Faksi ja puhelu: {unit}, faksi {fax}, puh. {phone}</source>
        <translation>Fax and call: {unit}, fax {fax}, tel. {phone}</translation>
    </message>
    <message>
        <source>Lähetystapaa ei saatu selville. Lähetystapa valitaan tallennettaessa.</source>
        <translation>The delivery method could not be determined. It is chosen when saving.</translation>
    </message>
    <message>
        <source>Lähteviä avataan vielä. Tallenna hetken kuluttua uudelleen; teksti on tallessa.</source>
        <translation>The outbox is still opening. Save again in a moment; the text is safe.</translation>
    </message>
    <message>
        <source>Lähtevät eivät ole käytössä (katso punainen ilmoitus), joten mitään ei voi tallentaa. Teksti on tallessa lomakkeella; kopioi se talteen ennen kuin suljet.</source>
        <translation>The outbox is not in use (see the red notice), so nothing can be saved. The text is kept on the form; copy it somewhere safe before closing.</translation>
    </message>
    <message>
        <source>lastensuojeluilmoituksen</source>
        <translation>the child welfare notification</translation>
    </message>
    <message>
        <source>asiakasasian siirron jatkotoimia varten</source>
        <translation>for follow-up of the client&apos;s matter</translation>
    </message>
    <message>
        <source>Puhelinmuistio: soita {unit}, puh. {phone}. Kerro, että sosiaalipäivystys lähetti faksilla {what} numeroon {fax}. Pyydä vahvistamaan, että faksi tuli perille kokonaan, ja kysy, kuka ottaa asian hoitaakseen.</source>
        <translation>Call notes: call {unit}, tel. {phone}. Say that the social emergency duty faxed {what} to {fax}. Ask them to confirm that the whole fax arrived, and ask who will take the matter on.</translation>
    </message>
    <message>
        <source>Tallennettu, mutta EI VIELÄ LÄHETETTY. {name} ei ota tätä vastaan järjestelmän kautta: tulosta faksi, faksaa se numeroon {fax} ja soita {phone}. Merkitse se sitten lähetetyksi (Avoimet siirrot, Ctrl+J).</source>
        <translation>Saved, but NOT SENT YET. {name} does not take this through the system: print the fax, fax it to {fax} and call {phone}. Then mark it as sent (Open handoffs, Ctrl+J).</translation>
    </message>
    <message>
        <source>Siirto tallennettu lähteviin. Se lähtee sisäisenä postina virka-aikaiselle ({where}: {unit}); saat ilmoituksen, kun se on perillä.</source>
        <translation>Handoff saved in the outbox. It goes as internal mail to the office-hours worker ({where}: {unit}); you are told when it has arrived.</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus tallennettu lähteviin. Se lähtee lastensuojeluun ({where}); saat ilmoituksen, kun se on perillä.</source>
        <translation>Child welfare notification saved in the outbox. It goes to child welfare ({where}); you are told when it has arrived.</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus toimitettu: {where} (tunniste {record}).</source>
        <translation>Child welfare notification delivered: {where} (reference {record}).</translation>
    </message>
    <message>
        <source>Siirto toimitettu virka-aikaiselle sisäisenä postina: {where} (tunniste {record}).</source>
        <translation>Handoff delivered to the office-hours worker as internal mail: {where} (reference {record}).</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation>Child welfare notification</translation>
    </message>
    <message>
        <source>Siirto</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <source>{what} on tallessa lähtevissä ja lähtee automaattisesti, kun {name} on taas tavoitettavissa ({system}). Sinun ei tarvitse tehdä mitään.</source>
        <translation>{what} is kept in the outbox and is sent automatically when {name} can be reached again ({system}). You need not do anything.</translation>
    </message>
    <message>
        <source>siirron</source>
        <translation>the handoff</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä hylkäsi {what} ({where}): {reason}. Se odottaa lähtevissä (Ctrl+L). Hoida asia puhelimitse virka-aikaiselle: {unit}, puh. {phone}.</source>
        <translation>The client information system rejected {what} ({where}): {reason}. It waits in the outbox (Ctrl+L). Handle the matter by phone with the office-hours worker: {unit}, tel. {phone}.</translation>
    </message>
    <message>
        <source>Tallennus ei onnistunut: levy on täynnä tai siinä on virhe.</source>
        <translation>Saving failed: the disk is full or faulty.</translation>
    </message>
    <message>
        <source>Tallennus lähteviin ei onnistunut.</source>
        <translation>Saving in the outbox failed.</translation>
    </message>
    <message>
        <source>Tallennus ei onnistunut odottamattoman virheen vuoksi.</source>
        <translation>Saving failed because of an unexpected error.</translation>
    </message>
    <message>
        <source>Mitään ei tallennettu; teksti on tallessa lomakkeella. Yritä uudelleen; jos virhe toistuu, ota yhteys tukeen.</source>
        <translation>Nothing was saved; the text is kept on the form. Try again; if the error recurs, contact support.</translation>
    </message>
    <message>
        <source>faksattava ja soitettava</source>
        <translation>to be faxed and called</translation>
    </message>
    <message>
        <source>odottaa lähetystä</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>lähetetään</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>hylätty – vaatii toimia</source>
        <translation>rejected – needs action</translation>
    </message>
    <message>
        <source>siirto virka-aikaiselle</source>
        <translation>handoff to office hours</translation>
    </message>
    <message>
        <source>lastensuojeluilmoitus</source>
        <translation>child welfare notification</translation>
    </message>
    <message>
        <source>faksi (sisältöä ei voi lukea)</source>
        <translation>fax (content cannot be read)</translation>
    </message>
    <message>
        <source>sisäinen posti</source>
        <translation>internal mail</translation>
    </message>
    <message>
        <source>järjestelmään</source>
        <translation>to the system</translation>
    </message>
    <message>
        <source>faksi ja puhelu</source>
        <translation>fax and call</translation>
    </message>
    <message>
        <source>Henkilötunnuksen mukaan henkilö oli {age}-vuotias, kun ilmoitus vastaanotettiin. Lastensuojeluilmoitus koskee vain alle 18-vuotiasta lasta: tarkista tunnus ilmoittajalta. Aikuista koskeva huoli kirjataan kirjauksena (Ctrl+N).</source>
        <translation>According to the personal identity code the person was {age} years old when the notification was received. A child welfare notification concerns only a child under 18: check the code with the notifier. A concern about an adult is recorded as an entry (Ctrl+N).</translation>
    </message>
    <message>
        <source>Väestötietojärjestelmä ei tunne tätä henkilötunnusta: tarkista kotikunta ilmoittajalta ja valitse se.</source>
        <translation>The Population Information System does not know this personal identity code: check the municipality of residence with the notifier and choose it.</translation>
    </message>
    <message>
        <source>Väestötietojärjestelmän mukaan lapsen kotikunta on kunta {code}, joka ei kuulu tämän päivystyksen kuntiin: toimita ilmoitus sinne puhelimella tai faksilla.</source>
        <translation>According to the Population Information System the child&apos;s municipality of residence is municipality {code}, which is not one of this duty&apos;s municipalities: pass the notification on there by phone or fax.</translation>
    </message>
    <message>
        <source>Väestötietojärjestelmän mukaan lapsen kotikunta on {name}.</source>
        <translation>According to the Population Information System the child&apos;s municipality of residence is {name}.</translation>
    </message>
    <message>
        <source>Kotikuntaa ei saatu väestötietojärjestelmästä: valitse kunta itse.</source>
        <translation>The municipality of residence could not be obtained from the Population Information System: choose the municipality yourself.</translation>
    </message>
    <message>
        <source>Kirjoita, mitä tapahtui: ilmoitus tarvitsee kuvauksen.</source>
        <translation>Write what happened: the notification needs a description.</translation>
    </message>
    <message>
        <source>Kirjoita ilmoittajan organisaatio (esimerkiksi Poliisi).</source>
        <translation>Write the notifier&apos;s organisation (for example Police).</translation>
    </message>
    <message>
        <source>Päivystäjän nimi puuttuu tämän koneen asetuksista. Ota yhteys tukeen.</source>
        <translation>The duty worker&apos;s name is missing from this computer&apos;s settings. Contact support.</translation>
    </message>
    <message>
        <source>Tarkista lapsen henkilötunnus.</source>
        <translation>Check the child&apos;s personal identity code.</translation>
    </message>
    <message>
        <source>Tarkista ilmoituksen tiedot.</source>
        <translation>Check the notification&apos;s details.</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Siirto virka-aikaiselle – {name}</source>
        <translation>Handoff to office hours – {name}</translation>
    </message>
    <message>
        <source>Asiakas: {name}, {hetu} – {where}</source>
        <translation>Client: {name}, {hetu} – {where}</translation>
    </message>
    <message>
        <source>Tarkistetaan lähetystapaa…</source>
        <translation>Checking the delivery method…</translation>
    </message>
    <message>
        <source>Lähetystapa</source>
        <translation>Delivery method</translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Tarvittavat jatkotoimet</source>
        <translation>Follow-up needed</translation>
    </message>
    <message>
        <source>Tallenna siirto (Ctrl+Enter)</source>
        <translation>Save the handoff (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Tallenna siirto</source>
        <translation>Save the handoff</translation>
    </message>
    <message>
        <source>Peruuta</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Peruuta siirto</source>
        <translation>Cancel the handoff</translation>
    </message>
    <message>
        <source>Vastaanottaja:</source>
        <translation>Recipient:</translation>
    </message>
    <message>
        <source>Lähetystapa:</source>
        <translation>Delivery method:</translation>
    </message>
    <message>
        <source>&amp;Mitä tapahtui:</source>
        <translation>&amp;What happened:</translation>
    </message>
    <message>
        <source>&amp;Jatkotoimet:</source>
        <translation>&amp;Follow-up:</translation>
    </message>
    <message>
        <source>Siirtäjä:</source>
        <translation>Handed off by:</translation>
    </message>
    <message>
        <source>Selviää, kun lähtevät ovat auki.</source>
        <translation>Known once the outbox is open.</translation>
    </message>
    <message>
        <source>Kirjoita, mitä tapahtui: siirto tarvitsee tekstin.</source>
        <translation>Write what happened: the handoff needs a text.</translation>
    </message>
    <message>
        <source>Tallennetaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Sulje</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Siirto: {label}</source>
        <translation>Handoff: {label}</translation>
    </message>
    <message>
        <source>Päivystäjän nimi puuttuu tämän koneen asetuksista. Ota yhteys tukeen.</source>
        <translation>The duty worker&apos;s name is missing from this computer&apos;s settings. Contact support.</translation>
    </message>
    <message>
        <source>Siirtoa tallennetaan. Odota hetki.</source>
        <translation>The handoff is being saved. Wait a moment.</translation>
    </message>
    <message>
        <source>Hylätäänkö siirto?</source>
        <translation>Discard the handoff?</translation>
    </message>
    <message>
        <source>Siirtoa ei ole tallennettu. Hylätäänkö kirjoitettu teksti?</source>
        <translation>The handoff has not been saved. Discard the text written?</translation>
    </message>
</context>
<context>
    <name>HandoffList</name>
    <message>
        <source>Avoimet siirrot ja ilmoitukset</source>
        <translation>Open handoffs and notifications</translation>
    </message>
    <message>
        <source>Avoimet siirrot</source>
        <translation>Open handoffs</translation>
    </message>
    <message>
        <source>Asiakas ja aika</source>
        <translation>Client and time</translation>
    </message>
    <message>
        <source>Kunta</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Lähetystapa</source>
        <translation>Delivery method</translation>
    </message>
    <message>
        <source>Tila</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Faksi / puhelin</source>
        <translation>Fax / phone</translation>
    </message>
    <message>
        <source>Tulosta faksi</source>
        <translation>Print the fax</translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi…</source>
        <translation>Mark as sent…</translation>
    </message>
    <message>
        <source>Ei avoimia siirtoja eikä ilmoituksia.</source>
        <translation>No open handoffs or notifications.</translation>
    </message>
    <message>
        <source>Avoinna {count}, joista faksattavia {faxes}: tulosta, faksaa, soita ja merkitse lähetetyksi ennen vuoron loppua.</source>
        <translation>{count} open, {faxes} of them to fax: print, fax, call and mark them as sent before the end of the shift.</translation>
    </message>
    <message>
        <source>Avoinna {count}; ne lähtevät automaattisesti.</source>
        <translation>{count} open; they are sent automatically.</translation>
    </message>
    <message>
        <source>Avoimia siirtoja ei voitu lukea. Yritä uudelleen.</source>
        <translation>The open handoffs could not be read. Try again.</translation>
    </message>
    <message>
        <source>faksi {fax}, puh. {phone}</source>
        <translation>fax {fax}, tel. {phone}</translation>
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
        <translation>entry</translation>
    </message>
    <message>
        <source>jatkotoimet</source>
        <translation>follow-up</translation>
    </message>
    <message>
        <source>lastensuojeluilmoitus</source>
        <translation>child welfare notification</translation>
    </message>
    <message>
        <source>käyttö: haku</source>
        <translation>access: search</translation>
    </message>
    <message>
        <source>käyttö: katselu</source>
        <translation>access: view</translation>
    </message>
    <message>
        <source>käyttö: kirjaus</source>
        <translation>access: entry</translation>
    </message>
    <message>
        <source>käyttö: ilmoitus</source>
        <translation>access: notification</translation>
    </message>
    <message>
        <source>käyttö: tulostus</source>
        <translation>access: print</translation>
    </message>
    <message>
        <source>käyttö: siirto</source>
        <translation>access: handoff</translation>
    </message>
    <message>
        <source>tunnukseton</source>
        <translation>no identity code</translation>
    </message>
</context>
<context>
    <name>ItemListDialog</name>
    <message>
        <source>Sulje</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lähtevät eivät ole käytössä (katso punainen ilmoitus).</source>
        <translation>The outbox is not in use (see the red notice).</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Kieli</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Kieli tallennettu: se vaihtuu, kun Päivystys käynnistetään seuraavan kerran.</source>
        <translation>Language saved: it changes the next time Päivystys starts.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Päivystys on lukittu</source>
        <translation>Päivystys is locked</translation>
    </message>
    <message>
        <source>Päivystäjä: {worker}</source>
        <translation>Duty worker: {worker}</translation>
    </message>
    <message>
        <source>Lukituksen tila</source>
        <translation>Lock status</translation>
    </message>
    <message>
        <source>&amp;PIN-koodi:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>PIN-koodi</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>&amp;Avaa</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Avaa lukitus</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>&amp;Kirjaudu</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Kirjaudu uudelleen</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <source>Kirjaudu organisaation tunnuksilla uudelleen.</source>
        <translation>Sign in again with your organisation&apos;s credentials.</translation>
    </message>
    <message>
        <source>&amp;Lopeta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Lopeta Päivystys</source>
        <translation>Quit Päivystys</translation>
    </message>
    <message>
        <source>Sulje Päivystys. Lähtevät odottavat salattuina seuraavaan käynnistykseen.</source>
        <translation>Close Päivystys. The outbox waits encrypted until the next start.</translation>
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
        <translation>TRAINING</translation>
    </message>
    <message>
        <source>HARJOITTELU – harjoitusjärjestelmät ja keksityt asiakkaat.</source>
        <translation>TRAINING – training systems and made-up clients.</translation>
    </message>
    <message>
        <source>Tallennetut kirjaukset:</source>
        <translation>Saved entries:</translation>
    </message>
    <message>
        <source>Harjoittelutila</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <source>&amp;Päivystys</source>
        <translation>&amp;Duty</translation>
    </message>
    <message>
        <source>&amp;Hae asiakas</source>
        <translation>&amp;Search for a client</translation>
    </message>
    <message>
        <source>&amp;Vaihda kotikuntaan</source>
        <translation>S&amp;witch to the home municipality</translation>
    </message>
    <message>
        <source>&amp;Uusi kirjaus</source>
        <translation>&amp;New entry</translation>
    </message>
    <message>
        <source>Uusi &amp;asiakas tähän kuntaan</source>
        <translation>New &amp;client in this municipality</translation>
    </message>
    <message>
        <source>Henkilö &amp;ilman henkilötunnusta…</source>
        <translation>Person without a personal &amp;identity code…</translation>
    </message>
    <message>
        <source>&amp;Tulosta kirjaus</source>
        <translation>&amp;Print the entry</translation>
    </message>
    <message>
        <source>&amp;Lähtevät</source>
        <translation>&amp;Outbox</translation>
    </message>
    <message>
        <source>L&amp;uonnokset</source>
        <translation>&amp;Drafts</translation>
    </message>
    <message>
        <source>&amp;Kirjaudu…</source>
        <translation>Si&amp;gn in…</translation>
    </message>
    <message>
        <source>&amp;Lopeta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Kunta</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <source>&amp;Harjoittelu</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;Ohje</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Pikanäppäimet</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Viimeisimmät viestit</source>
        <translation>&amp;Recent messages</translation>
    </message>
    <message>
        <source>&amp;Yhteys</source>
        <translation>&amp;Connection</translation>
    </message>
    <message>
        <source>&amp;Avaa VPN-yhteys</source>
        <translation>&amp;Open the VPN connection</translation>
    </message>
    <message>
        <source>VPN-yhteyden avauskomentoa ei ole määritetty tämän koneen asetuksissa (policy: vpn.connect_command). Avaa VPN tavalliseen tapaan tai ota yhteys tukeen.</source>
        <translation>The command to open the VPN connection is not set in this computer&apos;s settings (policy: vpn.connect_command). Open the VPN the usual way or contact support.</translation>
    </message>
    <message>
        <source>&amp;Tarkista yhteydet nyt</source>
        <translation>&amp;Check the connections now</translation>
    </message>
    <message>
        <source>Päivystäjä: {worker} · {unit}</source>
        <translation>Duty worker: {worker} · {unit}</translation>
    </message>
    <message>
        <source>Päivystäjä: {worker}</source>
        <translation>Duty worker: {worker}</translation>
    </message>
    <message>
        <source>Ei kotikuntaehdotusta: hae ensin henkilötunnuksella.</source>
        <translation>No municipality of residence suggested: search by personal identity code first.</translation>
    </message>
    <message>
        <source>Kotikuntaan vaihto sulkee avoimen kirjauksen.</source>
        <translation>Switching to the home municipality closes the open entry.</translation>
    </message>
    <message>
        <source>Kirjausta tallennetaan. Vaihda kuntaa, kun tallennus on valmis.</source>
        <translation>The entry is being saved. Switch municipality when saving is done.</translation>
    </message>
    <message>
        <source>Kunnan vaihto sulkee avoimen kirjauksen.</source>
        <translation>Switching municipality closes the open entry.</translation>
    </message>
    <message>
        <source>Kunta: {name}.</source>
        <translation>Municipality: {name}.</translation>
    </message>
    <message>
        <source>VPN-yhteys avattu. Tarkistetaan kuntien järjestelmiä…</source>
        <translation>VPN connection opened. Checking the municipalities&apos; systems…</translation>
    </message>
    <message>
        <source>VPN-yhteyttä ei saatu avattua ({detail}). Avaa VPN tavalliseen tapaan; jos se ei onnistu, ota yhteys tukeen.</source>
        <translation>The VPN connection could not be opened ({detail}). Open the VPN the usual way; if that fails, contact support.</translation>
    </message>
    <message>
        <source>Harjoittelu: {name} on taas verkossa.</source>
        <translation>Training: {name} is back online.</translation>
    </message>
    <message>
        <source>Harjoittelu: {name} on nyt poissa verkosta, kuin VPN olisi katki.</source>
        <translation>Training: {name} is now offline, as if the VPN were down.</translation>
    </message>
    <message>
        <source>Harjoituspalvelin ei vastannut. Yritä uudelleen.</source>
        <translation>The training server did not answer. Try again.</translation>
    </message>
    <message>
        <source>Odottamaton virhe. Yritä uudelleen; jos virhe toistuu, ilmoita IT-tukeen.</source>
        <translation>Unexpected error. Try again; if the error recurs, tell IT support.</translation>
    </message>
    <message>
        <source>Päivystys suljetaan.</source>
        <translation>Päivystys is closing.</translation>
    </message>
    <message>
        <source>Ei tallentamattomia luonnoksia.</source>
        <translation>No unsaved drafts.</translation>
    </message>
    <message>
        <source>Tallenna tai sulje avoin kirjaus ennen luonnosta.</source>
        <translation>Save or close the open entry before the draft.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Viestit</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Lisäksi 1 kuittaamaton viesti: Ctrl+Shift+M.</source>
        <translation>1 more unacknowledged message: Ctrl+Shift+M.</translation>
    </message>
    <message>
        <source>Lisäksi {n} kuittaamatonta viestiä: Ctrl+Shift+M.</source>
        <translation>{n} more unacknowledged messages: Ctrl+Shift+M.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Kirjoita asiakkaan henkilötunnus.</source>
        <translation>Type the client&apos;s personal identity code.</translation>
    </message>
    <message>
        <source>Henkilötunnus on vielä kesken: siinä on 11 merkkiä (PPKKVV-NNNT).</source>
        <translation>The personal identity code is not complete: it has 11 characters (DDMMYY-NNNC).</translation>
    </message>
    <message>
        <source>Henkilötunnuksen muoto ei kelpaa. Muoto on PPKKVV, välimerkki (+, -, U–Y tai A–F) ja NNNT.</source>
        <translation>The personal identity code&apos;s format is not valid. The format is DDMMYY, a separator (+, -, U–Y or A–F) and NNNC.</translation>
    </message>
    <message>
        <source>Henkilötunnuksen syntymäaika tai välimerkki ei kelpaa. Tarkista päivä, kuukausi ja välimerkki.</source>
        <translation>The personal identity code&apos;s date of birth or separator is not valid. Check the day, month and separator.</translation>
    </message>
    <message>
        <source>Henkilötunnuksen tarkistusmerkki ei täsmää. Tarkista tunnus asiakkaalta tai ilmoittajalta.</source>
        <translation>The personal identity code&apos;s check character does not match. Check the code with the client or the notifier.</translation>
    </message>
    <message>
        <source>Väliaikainen tunnus (yksilönumero 900–999): varmista asiakkaan henkilöllisyys.</source>
        <translation>Temporary identifier (individual number 900–999): make sure of the client&apos;s identity.</translation>
    </message>
    <message>
        <source>Valitse ensin asiakkaan kunta (Ctrl+1…Ctrl+9 tai luettelosta).</source>
        <translation>First choose the client&apos;s municipality (Ctrl+1…Ctrl+9 or from the list).</translation>
    </message>
    <message>
        <source>Henkilö ei ole asiakas ({where}). Tarkista henkilötunnus ja valittu kunta: asiakas voi kuulua toisen kunnan järjestelmään.</source>
        <translation>The person is not a client ({where}). Check the personal identity code and the chosen municipality: the client may belong to another municipality&apos;s system.</translation>
    </message>
    <message>
        <source>Uutena asiakkaana: Ctrl+Shift+N.</source>
        <translation>As a new client: Ctrl+Shift+N.</translation>
    </message>
    <message>
        <source>Henkilö ei ole tämän kunnan asiakas. Kirjaa hänet uutena asiakkaana (Uusi asiakas, Ctrl+Shift+N) tai tarkista kunta.</source>
        <translation>The person is not a client of this municipality. Record them as a new client (New client, Ctrl+Shift+N) or check the municipality.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmään ei saada yhteyttä ({where}). Tarkista VPN-yhteys ja yritä uudelleen. Jos vika jatkuu, soita kunnan IT-tukeen: {helpdesk}.</source>
        <translation>No connection to the client information system ({where}). Check the VPN connection and try again. If the fault persists, call the municipality&apos;s IT support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä ei vastannut ajoissa ({where}). Yritä hetken kuluttua uudelleen.</source>
        <translation>The client information system did not answer in time ({where}). Try again in a moment.</translation>
    </message>
    <message>
        <source>Kirjaudu ensin ({where}): paina Ctrl+Shift+K. Kirjoittamasi teksti säilyy; odottavat kirjaukset lähtevät kirjautumisen jälkeen.</source>
        <translation>Sign in first ({where}): press Ctrl+Shift+K. The text you wrote is kept; waiting entries are sent after signing in.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä ei hyväksynyt tunnuksiasi ({where}). Tarkista käyttäjätunnus (muoto {login}) ja salasana; tarvittaessa soita IT-tukeen: {helpdesk}.</source>
        <translation>The client information system did not accept your credentials ({where}). Check the user name (format {login}) and the password; if needed call IT support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä hylkäsi pyynnön ({where}): {reason}</source>
        <translation>The client information system refused the request ({where}): {reason}</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmässä on vika ({where}). Yritä hetken kuluttua uudelleen; jos vika jatkuu, soita kunnan IT-tukeen: {helpdesk}.</source>
        <translation>The client information system has a fault ({where}). Try again in a moment; if the fault persists, call the municipality&apos;s IT support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Odottamaton virhe ({where}). Yritä uudelleen; jos virhe toistuu, ilmoita IT-tukeen: {helpdesk}.</source>
        <translation>Unexpected error ({where}). Try again; if the error recurs, tell IT support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne ei ole luotettu ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation>The client information system&apos;s certificate is not trusted ({where}), so the connection was not opened and nothing was sent. Contact the municipality&apos;s IT support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne on vanhentunut tai ei vielä voimassa ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Tarkista tietokoneen päivämäärä ja kellonaika; jos ne ovat oikein, ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation>The client information system&apos;s certificate has expired or is not yet valid ({where}), so the connection was not opened and nothing was sent. Check the computer&apos;s date and time; if they are right, contact the municipality&apos;s IT support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne on annettu toiselle palvelimelle ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation>The client information system&apos;s certificate was issued to another server ({where}), so the connection was not opened and nothing was sent. Contact the municipality&apos;s IT support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmän varmenne ei ole se, jonka työaseman asetukset hyväksyvät ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: {helpdesk}.</source>
        <translation>The client information system&apos;s certificate is not the one the workstation&apos;s settings accept ({where}), so the connection was not opened and nothing was sent. Contact the municipality&apos;s IT support: {helpdesk}.</translation>
    </message>
    <message>
        <source>Työaseman asetuksissa on virhe yhteydessä asiakastietojärjestelmään ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys IT-tukeen: {helpdesk}.</source>
        <translation>The workstation&apos;s settings for the connection to the client information system are wrong ({where}), so the connection was not opened and nothing was sent. Contact IT support: {helpdesk}.</translation>
    </message>
</context>
<context>
    <name>MunicipalitySwitcher</name>
    <message>
        <source>Kunta</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Asiakkaan kunta; Ctrl+1…Ctrl+9 valitsee kunnan järjestyksessä.</source>
        <translation>The client&apos;s municipality; Ctrl+1…Ctrl+9 choose the municipalities in order.</translation>
    </message>
    <message>
        <source>{name}: {system}, {status}</source>
        <translation>{name}: {system}, {status}</translation>
    </message>
    <message>
        <source>odottaa lähtevissä: {count}</source>
        <translation>waiting in the outbox: {count}</translation>
    </message>
    <message>
        <source>toimitettu viimeksi {when}</source>
        <translation>last delivered {when}</translation>
    </message>
</context>
<context>
    <name>NotificationFields</name>
    <message>
        <source>Lastensuojelulaki (417/2007) 25 § – ilmoitusvelvollisuus. Päivystys välittää ilmoituksen viipymättä lapsen kotikunnan lastensuojeluun.</source>
        <translation>Child Welfare Act (417/2007) section 25 – duty to notify. The duty passes the notification on without delay to child welfare in the child&apos;s municipality of residence.</translation>
    </message>
    <message>
        <source>Lapsen henkilötunnus</source>
        <translation>The child&apos;s personal identity code</translation>
    </message>
    <message>
        <source>PPKKVV-NNNT</source>
        <translation>DDMMYY-NNNC</translation>
    </message>
    <message>
        <source>Lapsen sukunimi</source>
        <translation>The child&apos;s surname</translation>
    </message>
    <message>
        <source>Lapsen etunimet</source>
        <translation>The child&apos;s first names</translation>
    </message>
    <message>
        <source>Ilmoittajan organisaatio</source>
        <translation>Notifier&apos;s organisation</translation>
    </message>
    <message>
        <source>Poliisi</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Ilmoittaja</source>
        <translation>Notifier</translation>
    </message>
    <message>
        <source>Ilmoittajan puhelin</source>
        <translation>Notifier&apos;s phone</translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Kiireellisyys</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>– valitse –</source>
        <translation>– choose –</translation>
    </message>
    <message>
        <source>Kiireellinen</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Ei kiireellinen</source>
        <translation>Not urgent</translation>
    </message>
    <message>
        <source>Lapselle kerrottu</source>
        <translation>Child informed</translation>
    </message>
    <message>
        <source>Huoltajille kerrottu</source>
        <translation>Guardians informed</translation>
    </message>
    <message>
        <source>Vastaanotettu</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Lapsen kotikunta</source>
        <translation>The child&apos;s municipality of residence</translation>
    </message>
    <message>
        <source>– valitse kunta –</source>
        <translation>– choose a municipality –</translation>
    </message>
    <message>
        <source>Lähetystapa</source>
        <translation>Delivery method</translation>
    </message>
    <message>
        <source>Lapsen &amp;henkilötunnus:</source>
        <translation>The child&apos;s &amp;personal identity code:</translation>
    </message>
    <message>
        <source>Lapsen sukunimi:</source>
        <translation>The child&apos;s surname:</translation>
    </message>
    <message>
        <source>Lapsen etunimet:</source>
        <translation>The child&apos;s first names:</translation>
    </message>
    <message>
        <source>Ilmoittajan organisaatio:</source>
        <translation>Notifier&apos;s organisation:</translation>
    </message>
    <message>
        <source>Ilmoittaja:</source>
        <translation>Notifier:</translation>
    </message>
    <message>
        <source>Ilmoittajan puhelin:</source>
        <translation>Notifier&apos;s phone:</translation>
    </message>
    <message>
        <source>&amp;Mitä tapahtui:</source>
        <translation>&amp;What happened:</translation>
    </message>
    <message>
        <source>Kiireellisyys:</source>
        <translation>Urgency:</translation>
    </message>
    <message>
        <source>Lapselle kerrottu:</source>
        <translation>Child informed:</translation>
    </message>
    <message>
        <source>Huoltajille kerrottu:</source>
        <translation>Guardians informed:</translation>
    </message>
    <message>
        <source>Vastaanotettu:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <source>Vastaanottaja:</source>
        <translation>Recipient:</translation>
    </message>
    <message>
        <source>Lapsen &amp;kotikunta:</source>
        <translation>The child&apos;s &amp;municipality of residence:</translation>
    </message>
    <message>
        <source>Lähetystapa:</source>
        <translation>Delivery method:</translation>
    </message>
    <message>
        <source>Ei tiedossa</source>
        <translation>Not known</translation>
    </message>
    <message>
        <source>Kyllä</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Ei</source>
        <translation>No</translation>
    </message>
    <message>
        <source>”Ei tiedossa” välitetään sellaisenaan: ei oleteta kumpaakaan.</source>
        <translation>“Not known” is passed on as such: neither answer is assumed.</translation>
    </message>
</context>
<context>
    <name>NotificationForm</name>
    <message>
        <source>Lastensuojeluilmoitus</source>
        <translation>Child welfare notification</translation>
    </message>
    <message>
        <source>Välitä ilmoitus (Ctrl+Enter)</source>
        <translation>Pass on the notification (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Välitä ilmoitus</source>
        <translation>Send the notification</translation>
    </message>
    <message>
        <source>Peruuta</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Peruuta ilmoitus</source>
        <translation>Cancel the notification</translation>
    </message>
    <message>
        <source>Kysytään kotikuntaa väestötietojärjestelmästä…</source>
        <translation>Asking the Population Information System for the municipality of residence…</translation>
    </message>
    <message>
        <source>Selviää, kun lähtevät ovat auki.</source>
        <translation>Known once the outbox is open.</translation>
    </message>
    <message>
        <source>Tarkistetaan lähetystapaa…</source>
        <translation>Checking the delivery method…</translation>
    </message>
    <message>
        <source>Valitse lapsen kotikunta.</source>
        <translation>Choose the child&apos;s municipality of residence.</translation>
    </message>
    <message>
        <source>Valitse, onko ilmoitus kiireellinen.</source>
        <translation>Choose whether the notification is urgent.</translation>
    </message>
    <message>
        <source>Sulje</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus: {label}</source>
        <translation>Child welfare notification: {label}</translation>
    </message>
    <message>
        <source>Ilmoitusta tallennetaan. Odota hetki.</source>
        <translation>The notification is being saved. Wait a moment.</translation>
    </message>
    <message>
        <source>Hylätäänkö ilmoitus?</source>
        <translation>Discard the notification?</translation>
    </message>
    <message>
        <source>Ilmoitusta ei ole välitetty. Hylätäänkö kirjoitetut tiedot?</source>
        <translation>The notification has not been passed on. Discard the details written?</translation>
    </message>
</context>
<context>
    <name>OutagePractice</name>
    <message>
        <source>Katkaise yhteys: {name}</source>
        <translation>Cut the connection: {name}</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>lähtevät: EI AVATTU ({code}): {detail}</source>
        <translation>outbox: NOT OPENED ({code}): {detail}</translation>
    </message>
    <message>
        <source>  profiili: {profile}; siellä ei muutettu mitään.</source>
        <translation>  profile: {profile}; nothing was changed there.</translation>
    </message>
    <message>
        <source>  tehtävä: kopioi outbox.db, outbox.db-wal ja outbox.db-shm hakemistosta {profile} talteen (varmuuskopioksi; älä poista mitään) ja aja sitten &apos;{command}&apos;.</source>
        <translation>  to do: copy outbox.db, outbox.db-wal and outbox.db-shm from {profile} aside (a backup; delete nothing), then run &apos;{command}&apos;.</translation>
    </message>
    <message>
        <source>  oikeudet: {path}: tila on {was}, muut voivat lukea sen; ei muutettavissa</source>
        <translation>  mode: {path} has mode {was}: others may read it; not changeable</translation>
    </message>
    <message>
        <source>  oikeudet: {path}: tila oli {was}, muut saattoivat lukea sen; nyt {now}</source>
        <translation>  mode: {path} had mode {was}: others could read it; now {now}</translation>
    </message>
    <message>
        <source>kirjoitusloki ehjä ({kept}/{frames} kehystä käytössä)</source>
        <translation>write-ahead log intact ({kept} of {frames} frame(s) in use)</translation>
    </message>
    <message>
        <source>kirjoitusloki (outbox.db-wal) on vaurioitunut otsakkeestaan ({frames} kehystä), ja {beyond} vahvistettua transaktiota on ehjänä vaurion takana: lähtevien avaaminen hävittäisi ne lopullisesti</source>
        <translation>the write-ahead log (outbox.db-wal) is damaged at its header of {frames}, and {beyond} committed transaction(s) lie intact beyond the damage: opening the outbox would discard them for good</translation>
    </message>
    <message>
        <source>kirjoitusloki (outbox.db-wal) on vaurioitunut kehyksen {frame}/{frames} kohdalta, ja {beyond} vahvistettua transaktiota on ehjänä vaurion takana: lähtevien avaaminen hävittäisi ne lopullisesti</source>
        <translation>the write-ahead log (outbox.db-wal) is damaged at frame {frame} of {frames}, and {beyond} committed transaction(s) lie intact beyond the damage: opening the outbox would discard them for good</translation>
    </message>
    <message>
        <source>lähtevät: {waiting} odottaa, {sending} lähdössä, {attention} vaatii huomiota, {drafts} luonnos(ta)</source>
        <translation>outbox: {waiting} waiting, {sending} sending, {attention} needing attention, {drafts} draft(s)</translation>
    </message>
    <message>
        <source>  käyttötapahtumat: {count} toimittamatta rekisterinpitäjien käyttölokeihin; lähtevien poistaminen hävittää ne</source>
        <translation>  access events: {count} not yet delivered to the registrars&apos; access logs; removing the outbox loses them</translation>
    </message>
    <message>
        <source>  luonnokset: {count} tallentamaton(ta) lomake(tta), tarjotaan takaisin, kun sovellus käynnistyy; lähtevien poistaminen hävittää ne</source>
        <translation>  drafts: {count} unsaved form(s), offered back when the app starts; removing the outbox loses them</translation>
    </message>
    <message>
        <source>  tiedosto: skeema {schema}, salaus {cipher} ({page_size} tavun sivut, {hmac})</source>
        <translation>  file: schema {schema}, cipher {cipher} ({page_size}-byte pages, {hmac})</translation>
    </message>
    <message>
        <source>  {code}: {count} kohde(tta); viimeksi toimitettu {when}</source>
        <translation>  {code}: {count} item(s); last delivery {when}</translation>
    </message>
    <message>
        <source>ei koskaan</source>
        <translation>never</translation>
    </message>
    <message>
        <source>  {code}: {count} kohde(tta) PIDÄTETTY: käytäntö nimeää nyt toisen rekisterinpitäjän, järjestelmän tai osoitteen kuin niille tallennettaessa. Jos siirto on tarkoitettu: paivystys outbox confirm-destination --municipality {code}</source>
        <translation>  {code}: {count} item(s) HELD: the policy now names another registrar, system or endpoint than they were saved for. If the move is intended: paivystys outbox confirm-destination --municipality {code}</translation>
    </message>
    <message>
        <source>flush: {codes} jäi toimittamatta: toinen lähettäjä (sovellus tai toinen flush) toimittaa sinne; niiden kohteet odottavat sitä</source>
        <translation>flush: {codes} not flushed: another sender (the app or a flush) is delivering there; their items wait for it</translation>
    </message>
    <message>
        <source>flush: mitään ei toimitettu (kaikki oli toisen lähettäjän); yritä myöhemmin</source>
        <translation>flush: nothing flushed (all of it was another sender&apos;s); try later</translation>
    </message>
    <message>
        <source>flush: {delivered} toimitettu, {retry} odottaa yhä, {attention} vaatii huomiota</source>
        <translation>flush: {delivered} delivered, {retry} still waiting, {attention} need attention</translation>
    </message>
    <message>
        <source>lähtevät: {waiting} odottaa, {attention} vaatii huomiota, {drafts} luonnos(ta)</source>
        <translation>outbox: {waiting} waiting, {attention} needing attention, {drafts} draft(s)</translation>
    </message>
    <message>
        <source>salvage: ei lähteviä hakemistossa {profile}; ei tehtävää</source>
        <translation>salvage: no outbox in {profile}; nothing to do</translation>
    </message>
    <message>
        <source>salvage: lähtevät aukeavat eivätkä ole vaurioituneet; ei tehtävää</source>
        <translation>salvage: the outbox opens and is not damaged; nothing to do</translation>
    </message>
    <message>
        <source>vaurio: {damage}</source>
        <translation>damage: {damage}</translation>
    </message>
    <message>
        <source>salvage: {items} kohde(tta) ({waiting} odottaa, {attention} vaatii huomiota, {manual} faksi(a)) ja {drafts} luonnos(ta) pelastettu uusiin lähteviin</source>
        <translation>salvage: {items} item(s) ({waiting} waiting, {attention} needing attention, {manual} fax(es)) and {drafts} draft(s) salvaged into a new outbox</translation>
    </message>
    <message>
        <source>  {count} kohde(tta) löytyi vain vauriota edeltäneestä tilasta: ne on ehkä toimitettu tai hylätty sen jälkeen, joten ne odottavat työntekijää (vaatii huomiota) eivätkä lähde itsestään</source>
        <translation>  {count} item(s) were found only in the state before the damage: they may have been delivered or discarded since, so they wait for the worker (needing attention) instead of going by themselves</translation>
    </message>
    <message>
        <source>  {count} kohteen tai luonnoksen tekijäsarakkeissa ei ole tekijää: säilytetty tekijä tuntemattomana (ei koskaan keksitty); sellaiset kohteet odottavat työntekijää (vaatii huomiota) eivätkä lähde kenenkään kirjautuneen nimissä</source>
        <translation>  {count} item(s) or draft(s) had author columns that hold no author: kept with the author not known (never made up); such items wait for the worker (needing attention) instead of going under whoever signs in</translation>
    </message>
    <message>
        <source>  {count} kohde(tta) ei voitu lukea (vaurioituneilla sivuilla); niiden idempotenssiavaimet: {keys}</source>
        <translation>  {count} item(s) could not be read (on damaged pages); their idempotency keys: {keys}</translation>
    </message>
    <message>
        <source>  vaurioituneet tiedostot siirrettiin (ei poistettu): {moved}</source>
        <translation>  the damaged files were moved (not deleted) to {moved}</translation>
    </message>
    <message>
        <source>  uudet lähtevät ovat käytössä: {new}</source>
        <translation>  the new outbox is in place: {new}</translation>
    </message>
    <message>
        <source>  seuraavaksi: aja &apos;{status}&apos; ja käynnistä sitten sovellus: se toimittaa odottavat. Säilytä {moved}, kunnes kaikki on toimitettu.</source>
        <translation>  next: run &apos;{status}&apos;, then start the app: it delivers what waits. Keep {moved} until everything is delivered.</translation>
    </message>
    <message>
        <source>  uusia lähteviä EI otettu käyttöön: {reason}</source>
        <translation>  the new outbox was NOT put in place: {reason}</translation>
    </message>
    <message>
        <source>  uudet lähtevät: {new}</source>
        <translation>  new outbox: {new}</translation>
    </message>
    <message>
        <source>  seuraavaksi: sovellus suljettuna siirrä outbox.db, outbox.db-wal ja outbox.db-shm hakemistosta {profile} sivuun toiseen kansioon (älä poista mitään), nimeä {name} nimelle outbox.db ja aja sitten &apos;{status}&apos;</source>
        <translation>  next: with the app closed, move outbox.db, outbox.db-wal and outbox.db-shm from {profile} into a folder aside (delete nothing), rename {name} to outbox.db, then run &apos;{status}&apos;</translation>
    </message>
    <message>
        <source>confirm-destination: käytännössä ei ole kuntaa {code}</source>
        <translation>confirm-destination: no municipality {code} in the policy</translation>
    </message>
    <message>
        <source>confirm-destination: {count} kohde(tta) kunnasta {code} lähtee nyt osoitteeseen {destination}; sovellus tai `paivystys outbox flush` lähettää ne</source>
        <translation>confirm-destination: {count} item(s) of {code} now go to {destination}; the app or `paivystys outbox flush` sends them</translation>
    </message>
</context>
<context>
    <name>OutboxBanner</name>
    <message>
        <source>Lähtevät eivät ole käytössä</source>
        <translation>The outbox is not in use</translation>
    </message>
    <message>
        <source>Yritä uudelleen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Yritä avata lähtevät uudelleen</source>
        <translation>Try to open the outbox again</translation>
    </message>
    <message>
        <source>Avataan lähteviä uudelleen…</source>
        <translation>Opening the outbox again…</translation>
    </message>
</context>
<context>
    <name>OutboxCount</name>
    <message>
        <source>Lähtevät kirjaukset</source>
        <translation>Outgoing entries</translation>
    </message>
    <message>
        <source>Avaa lähtevät (Ctrl+L)</source>
        <translation>Open the outbox (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lähtevät: avataan…</source>
        <translation>Outbox: opening…</translation>
    </message>
    <message>
        <source>Lähtevät: ei käytössä</source>
        <translation>Outbox: not in use</translation>
    </message>
</context>
<context>
    <name>OutboxMessages</name>
    <message>
        <source>Ota yhteys tukeen; tukihenkilö voi ajaa komennon &apos;paivystys doctor&apos;.</source>
        <translation>Contact support; the support person can run the command &apos;paivystys doctor&apos;.</translation>
    </message>
    <message>
        <source>Soita tukeen heti; tukihenkilö voi ajaa komennon &apos;paivystys doctor&apos;.</source>
        <translation>Call support at once; the support person can run the command &apos;paivystys doctor&apos;.</translation>
    </message>
    <message>
        <source>Asiakkaiden haku toimii edelleen.</source>
        <translation>Searching for clients still works.</translation>
    </message>
    <message>
        <source>Lähteviä ei muutettu, ja niissä voi olla vielä toimittamattomia kirjauksia.</source>
        <translation>The outbox was not changed, and it may still hold entries not yet delivered.</translation>
    </message>
    <message>
        <source>Salausavainten säilö (keyring) puuttuu tästä koneesta. Kirjauksia ei voi tallentaa.</source>
        <translation>The store for encryption keys (keyring) is missing from this computer. Entries cannot be saved.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten salausavain puuttuu avainsäilöstä. Kirjauksia ei voi tallentaa.</source>
        <translation>The encryption key of the outgoing entries is missing from the keyring. Entries cannot be saved.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilö ei aukea tämän koneen salausavaimella. Kirjauksia ei voi tallentaa.</source>
        <translation>The store of outgoing entries does not open with this computer&apos;s encryption key. Entries cannot be saved.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilön lokitiedosto on vioittunut, ja vian jälkeen on vielä tallennettuja kirjauksia. Säilöä ei avattu, jotta ne eivät katoa. Kirjauksia ei voi tallentaa.</source>
        <translation>The log file of the store of outgoing entries is damaged, and there are entries saved after the damage. The store was not opened, so that they are not lost. Entries cannot be saved.</translation>
    </message>
    <message>
        <source>Soita tukeen heti: tukihenkilö voi pelastaa kirjaukset komennolla &apos;paivystys outbox salvage&apos;. Älä poista ohjelman tiedostoja.</source>
        <translation>Call support at once: the support person can rescue the entries with the command &apos;paivystys outbox salvage&apos;. Do not delete the program&apos;s files.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilö on vioittunut. Kirjauksia ei voi tallentaa.</source>
        <translation>The store of outgoing entries is damaged. Entries cannot be saved.</translation>
    </message>
    <message>
        <source>Lähtevät on tallennettu Päivystyksen uudemmalla versiolla, eikä tämä versio voi käyttää niitä. Kirjauksia ei voi tallentaa.</source>
        <translation>The outbox was saved by a newer version of Päivystys, and this version cannot use it. Entries cannot be saved.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöön ei voi kirjoittaa: sen tiedosto tai kansio on vain luku -tilassa. Kirjauksia ei voi tallentaa.</source>
        <translation>The store of outgoing entries cannot be written: its file or folder is read-only. Entries cannot be saved.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöä ei voitu lukea tai kirjoittaa (levy täynnä tai levyvirhe). Kirjauksia ei voi tallentaa. Vapauta levytilaa tai ota yhteys tukeen ja valitse sitten Yritä uudelleen.</source>
        <translation>The store of outgoing entries could not be read or written (disk full or disk error). Entries cannot be saved. Free disk space or contact support, then choose Try again.</translation>
    </message>
    <message>
        <source>Salausavainten säilö (keyring) on lukittu tai ei vastannut. Kirjauksia ei voi tallentaa ennen kuin se avataan. Avaa avainsäilön lukitus (esimerkiksi kirjautumalla uudelleen) ja valitse Yritä uudelleen.</source>
        <translation>The store for encryption keys (keyring) is locked or did not answer. Entries cannot be saved until it is opened. Unlock the keyring (for example by signing in again) and choose Try again.</translation>
    </message>
    <message>
        <source>Salausavainten säilö (keyring) ei toiminut. Kirjauksia ei voi tallentaa. Valitse Yritä uudelleen. Jos vika jatkuu:</source>
        <translation>The store for encryption keys (keyring) did not work. Entries cannot be saved. Choose Try again. If the fault persists:</translation>
    </message>
    <message>
        <source>Toinen Päivystys-ikkuna käsittelee lähteviä juuri nyt. Kirjauksia ei voi tallentaa. Valitse hetken kuluttua Yritä uudelleen.</source>
        <translation>Another Päivystys window is handling the outbox right now. Entries cannot be saved. Choose Try again in a moment.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöä ei voitu avata. Kirjauksia ei voi tallentaa.</source>
        <translation>The store of outgoing entries could not be opened. Entries cannot be saved.</translation>
    </message>
    <message>
        <source>Lähtevien kirjausten säilöä avataan vielä. Tallenna uudelleen hetken kuluttua; teksti on tallessa lomakkeella.</source>
        <translation>The store of outgoing entries is still opening. Save again in a moment; the text is kept on the form.</translation>
    </message>
    <message>
        <source>Kirjausta ei voi tallentaa, koska lähtevien kirjausten säilö ei ole käytössä (katso punainen ilmoitus). Teksti on tallessa lomakkeella; älä sulje ohjelmaa ennen kuin olet kopioinut sen talteen.</source>
        <translation>The entry cannot be saved because the store of outgoing entries is not in use (see the red notice). The text is kept on the form; do not close the program before you have copied it somewhere safe.</translation>
    </message>
    <message>
        <source>Kirjausta ei voitu tallentaa: levy on täynnä tai siinä on virhe. Mitään ei tallennettu.</source>
        <translation>The entry could not be saved: the disk is full or faulty. Nothing was saved.</translation>
    </message>
    <message>
        <source>Kirjausta ei voitu tallentaa lähteviin. Mitään ei tallennettu.</source>
        <translation>The entry could not be saved in the outbox. Nothing was saved.</translation>
    </message>
    <message>
        <source>Kirjausta ei voitu tallentaa odottamattoman virheen vuoksi.</source>
        <translation>The entry could not be saved because of an unexpected error.</translation>
    </message>
    <message>
        <source>Teksti on tallessa lomakkeella. Yritä uudelleen; jos virhe toistuu, ota yhteys tukeen.</source>
        <translation>The text is kept on the form. Try again; if the error recurs, contact support.</translation>
    </message>
    <message>
        <source>Tästä kirjauksesta oli jo tallennettu aiempi versio lähteviin, eikä muutoksia tallennettu. Tee korjaus lähtevien kautta (Ctrl+L) tai uutena kirjauksena.</source>
        <translation>An earlier version of this entry was already saved in the outbox, and the changes were not saved. Make the correction through the outbox (Ctrl+L) or as a new entry.</translation>
    </message>
    <message>
        <source>Kirjaus on tallennettu salattuihin lähteviin tälle koneelle. Lähetetään ({where})…</source>
        <translation>The entry is saved in the encrypted outbox on this computer. Sending ({where})…</translation>
    </message>
    <message>
        <source>Kirjaus oli jo tallentunut aiemmalla yrityksellä: {where} (tunniste {record}). Sitä ei tallennettu kahdesti.</source>
        <translation>The entry had already been saved by an earlier attempt: {where} (reference {record}). It was not saved twice.</translation>
    </message>
    <message>
        <source>Kirjaus toimitettu: {where} (tunniste {record}).</source>
        <translation>Entry delivered: {where} (reference {record}).</translation>
    </message>
    <message>
        <source>Kirjaus on tallessa lähtevissä ja lähtee automaattisesti, kun {name} on taas tavoitettavissa ({system}). Sinun ei tarvitse tehdä mitään.</source>
        <translation>The entry is kept in the outbox and is sent automatically when {name} can be reached again ({system}). You need not do anything.</translation>
    </message>
    <message>
        <source>Asiakastietojärjestelmä hylkäsi kirjauksen ({where}): {reason}. Kirjaus odottaa lähtevissä korjausta: avaa lähtevät (Ctrl+L), korjaa ja lähetä uudelleen.</source>
        <translation>The client information system rejected the entry ({where}): {reason}. The entry waits in the outbox for a correction: open the outbox (Ctrl+L), correct it and send it again.</translation>
    </message>
    <message>
        <source>tarkistetaan</source>
        <translation>checking</translation>
    </message>
    <message>
        <source>tavoitettavissa</source>
        <translation>reachable</translation>
    </message>
    <message>
        <source>VPN ei yhteyttä</source>
        <translation>no VPN connection</translation>
    </message>
    <message>
        <source>ei verkkoa</source>
        <translation>no network</translation>
    </message>
    <message>
        <source>järjestelmä ei vastaa</source>
        <translation>system not answering</translation>
    </message>
    <message>
        <source>1 kunta</source>
        <translation>1 municipality</translation>
    </message>
    <message>
        <source>{count} kuntaa</source>
        <translation>{count} municipalities</translation>
    </message>
    <message>
        <source>Verkko: ei yhteyttä</source>
        <translation>Network: no connection</translation>
    </message>
    <message>
        <source>VPN: ei yhteyttä ({count})</source>
        <translation>VPN: no connection ({count})</translation>
    </message>
    <message>
        <source>VPN: yhteys · järjestelmä ei vastaa ({count})</source>
        <translation>VPN: connected · system not answering ({count})</translation>
    </message>
    <message>
        <source>VPN: tarkistetaan…</source>
        <translation>VPN: checking…</translation>
    </message>
    <message>
        <source>VPN: yhteys</source>
        <translation>VPN: connected</translation>
    </message>
    <message>
        <source>Lähtevät: {count}</source>
        <translation>Outbox: {count}</translation>
    </message>
    <message>
        <source>{count} vaatii toimia</source>
        <translation>{count} need action</translation>
    </message>
</context>
<context>
    <name>OutboxQuestions</name>
    <message>
        <source>Poista hylkäysmerkintä</source>
        <translation>Remove the rejection note</translation>
    </message>
    <message>
        <source>Järjestelmä ei ottanut vastaan merkintää hylätystä lähetyksestä:
{what}</source>
        <translation>The system did not accept the note of the rejected submission:
{what}</translation>
    </message>
    <message>
        <source>Näin käy, kun järjestelmä ei tunne asiakasta: sillä ei ole hylätystä lähetyksestäkään mitään. Poistetaanko merkintä lähtevistä? Uutta merkintää ei lähetetä.</source>
        <translation>This happens when the system does not know the client: it has nothing of the rejected submission either. Remove the note from the outbox? No new note is sent.</translation>
    </message>
    <message>
        <source>Poista merkintä</source>
        <translation>Remove the note</translation>
    </message>
    <message>
        <source>Älä poista</source>
        <translation>Do not remove</translation>
    </message>
    <message>
        <source>Järjestelmän osoite on muuttunut</source>
        <translation>The system&apos;s address has changed</translation>
    </message>
    <message>
        <source>{place}: asiakastietojärjestelmän osoite on muuttunut sen jälkeen, kun lähetykset tallennettiin. Niitä ei ole lähetetty uuteen osoitteeseen.</source>
        <translation>{place}: the client information system&apos;s address has changed since the submissions were saved. They have not been sent to the new address.</translation>
    </message>
    <message>
        <source>Tallennettaessa: {saved_for}
Nyt: {now}

Lähetä uuteen osoitteeseen vain, jos tuki on kertonut muutoksesta. Epäselvässä tapauksessa soita tukeen: lähetykset odottavat tallessa.</source>
        <translation>When saved: {saved_for}
Now: {now}

Send to the new address only if support has told you of the change. If in doubt, call support: the submissions wait safely.</translation>
    </message>
    <message>
        <source>(ei tiedossa)</source>
        <translation>(not known)</translation>
    </message>
    <message>
        <source>Lähetä uuteen osoitteeseen</source>
        <translation>Send to the new address</translation>
    </message>
    <message>
        <source>Älä lähetä</source>
        <translation>Do not send</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Lähtevät kirjaukset</source>
        <translation>Outgoing entries</translation>
    </message>
    <message>
        <source>Lähtevät</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Asiakas ja aika</source>
        <translation>Client and time</translation>
    </message>
    <message>
        <source>Kunta</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Laji</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Tila</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Yrityksiä</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Seuraava yritys</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <source>Viimeisin virhe</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Tekijä</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Avaa ja korjaa…</source>
        <translation>Open and correct…</translation>
    </message>
    <message>
        <source>Hylkää…</source>
        <translation>Discard…</translation>
    </message>
    <message>
        <source>Tulosta faksi</source>
        <translation>Print the fax</translation>
    </message>
    <message>
        <source>Merkitse lähetetyksi…</source>
        <translation>Mark as sent…</translation>
    </message>
    <message>
        <source>Uusi osoite…</source>
        <translation>New address…</translation>
    </message>
    <message>
        <source>Kunnan järjestelmän osoite on muuttunut: lähetä odottavat uuteen osoitteeseen</source>
        <translation>The municipality&apos;s system address has changed: send the waiting items to the new address</translation>
    </message>
    <message>
        <source>Lähtevissä ei ole mitään.</source>
        <translation>The outbox is empty.</translation>
    </message>
    <message>
        <source>tekijä ei tiedossa</source>
        <translation>author not known</translation>
    </message>
    <message>
        <source>Lähteviä ei voitu lukea. Yritä uudelleen.</source>
        <translation>The outbox could not be read. Try again.</translation>
    </message>
    <message>
        <source>Faksin voi tulostaa ja merkitä lähetetyksi: Jatkotoimet → Avoimet siirrot.</source>
        <translation>The fax can be printed and marked as sent: Follow-up → Open handoffs.</translation>
    </message>
    <message>
        <source>Kunta ei ole enää käytössä tällä koneella. Soita tukeen.</source>
        <translation>The municipality is no longer in use on this computer. Call support.</translation>
    </message>
    <message>
        <source>{count} lähetystä lähtee kunnan uuteen osoitteeseen.</source>
        <translation>{count} submissions go to the municipality&apos;s new address.</translation>
    </message>
    <message>
        <source>Vahvistus ei onnistunut. Yritä uudelleen.</source>
        <translation>The confirmation failed. Try again.</translation>
    </message>
    <message>
        <source>{label} – {place}</source>
        <translation>{label} – {place}</translation>
    </message>
    <message>
        <source>Lähetys ei enää odota korjausta.</source>
        <translation>The submission no longer waits for a correction.</translation>
    </message>
    <message>
        <source>Tallennettua lähetystä ei voi lukea. Hylkää se syyn kanssa tai soita tukeen.</source>
        <translation>The saved submission cannot be read. Discard it with a reason or call support.</translation>
    </message>
    <message>
        <source>Korjaa viesti virka-aikaiselle</source>
        <translation>Correct the message to the office-hours worker</translation>
    </message>
    <message>
        <source>Otsikko</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Viesti</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Korjaa lastensuojeluilmoitus</source>
        <translation>Correct the child welfare notification</translation>
    </message>
    <message>
        <source>Ilmoittajan organisaatio</source>
        <translation>Notifier&apos;s organisation</translation>
    </message>
    <message>
        <source>Ilmoittaja</source>
        <translation>Notifier</translation>
    </message>
    <message>
        <source>Ilmoittajan puhelin</source>
        <translation>Notifier&apos;s phone</translation>
    </message>
    <message>
        <source>Mitä tapahtui</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Korjausta ei voitu tallentaa. Yritä uudelleen.</source>
        <translation>The correction could not be saved. Try again.</translation>
    </message>
    <message>
        <source>Hylkäysmerkintä poistettiin lähtevistä.</source>
        <translation>The rejection note was removed from the outbox.</translation>
    </message>
    <message>
        <source>Merkintää ei voitu poistaa. Yritä uudelleen.</source>
        <translation>The note could not be removed. Try again.</translation>
    </message>
    <message>
        <source>Hylkääminen ei onnistunut. Yritä uudelleen.</source>
        <translation>Discarding failed. Try again.</translation>
    </message>
    <message>
        <source>kirjaus</source>
        <translation>entry</translation>
    </message>
    <message>
        <source>hylkäysmerkintä</source>
        <translation>rejection note</translation>
    </message>
    <message>
        <source>viesti virka-aikaiselle</source>
        <translation>message to the office-hours worker</translation>
    </message>
    <message>
        <source>lastensuojeluilmoitus</source>
        <translation>child welfare notification</translation>
    </message>
    <message>
        <source>faksi (lähetetään käsin)</source>
        <translation>fax (sent by hand)</translation>
    </message>
    <message>
        <source>käyttölokimerkintä</source>
        <translation>access log record</translation>
    </message>
    <message>
        <source>Korjattu kirjaus lähtee uudelleen.</source>
        <translation>The corrected entry is sent again.</translation>
    </message>
    <message>
        <source>Korjattu viesti lähtee uudelleen.</source>
        <translation>The corrected message is sent again.</translation>
    </message>
    <message>
        <source>Korjattu lastensuojeluilmoitus lähtee uudelleen.</source>
        <translation>The corrected child welfare notification is sent again.</translation>
    </message>
    <message>
        <source>Kirjaus hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle.</source>
        <translation>The entry was discarded. A note of the discarding goes to the registrar.</translation>
    </message>
    <message>
        <source>Viesti hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle.</source>
        <translation>The message was discarded. A note of the discarding goes to the registrar.</translation>
    </message>
    <message>
        <source>Lastensuojeluilmoitus hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle.</source>
        <translation>The child welfare notification was discarded. A note of the discarding goes to the registrar.</translation>
    </message>
    <message>
        <source>odottaa</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>lähetetään</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>vaatii toimia</source>
        <translation>needs action</translation>
    </message>
    <message>
        <source>faksattava / soitettava</source>
        <translation>to fax / call</translation>
    </message>
    <message>
        <source>nyt</source>
        <translation>now</translation>
    </message>
    <message>
        <source>korjauksen jälkeen</source>
        <translation>after the correction</translation>
    </message>
    <message>
        <source>kun merkitty lähetetyksi</source>
        <translation>when marked as sent</translation>
    </message>
    <message>
        <source>heti kun yhteys toimii</source>
        <translation>as soon as the connection works</translation>
    </message>
    <message>
        <source>ei yhteyttä järjestelmään</source>
        <translation>no connection to the system</translation>
    </message>
    <message>
        <source>yhteyttä ei voitu varmistaa suojatuksi (varmenne) – ota yhteys IT-tukeen</source>
        <translation>the connection could not be verified as secure (certificate) – contact IT support</translation>
    </message>
    <message>
        <source>järjestelmä ei vastannut ajoissa</source>
        <translation>the system did not answer in time</translation>
    </message>
    <message>
        <source>vika järjestelmässä</source>
        <translation>fault in the system</translation>
    </message>
    <message>
        <source>tunnukset eivät kelpaa</source>
        <translation>the credentials are not accepted</translation>
    </message>
    <message>
        <source>järjestelmä ei tue tätä</source>
        <translation>the system does not support this</translation>
    </message>
    <message>
        <source>tallennettu sisältö ei ole luettavissa</source>
        <translation>the saved content cannot be read</translation>
    </message>
    <message>
        <source>kunnan järjestelmän osoite on muuttunut: vahvista</source>
        <translation>the municipality&apos;s system address has changed: confirm</translation>
    </message>
    <message>
        <source>pelastettu vioittuneista lähtevistä; voi olla jo toimitettu tai hylätty: tarkista asiakastiedoista ennen uudelleenlähetystä</source>
        <translation>rescued from a damaged outbox; may already have been delivered or rejected: check the client records before sending it again</translation>
    </message>
    <message>
        <source>pelastettu vioittuneista lähtevistä, tallentaja ei tiedossa: tarkista kuka sen tallensi ja asiakastiedot ennen uudelleenlähetystä</source>
        <translation>rescued from a damaged outbox, who saved it is not known: check who saved it and the client records before sending it again</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Kirjaudu: {name}</source>
        <translation>Sign in: {name}</translation>
    </message>
    <message>
        <source>Käyttäjätunnus</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Salasana</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Käyttäjätunnus:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Salasana:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Järjestelmän oma salasana. Sitä ei tallenneta: se on muistissa vain tämän istunnon ajan. Tunnuksen muoto: {format}. Tuki: {phone}.</source>
        <translation>The system&apos;s own password. It is not saved: it is kept in memory for this session only. User name format: {format}. Support: {phone}.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Henkilö ilman henkilötunnusta</source>
        <translation>Person without a personal identity code</translation>
    </message>
    <message>
        <source>Kirjaa, mitä henkilöstä tiedetään. Kirjaus merkitään tunnistettavaksi, ja virka-aikainen työntekijä tunnistaa henkilön.</source>
        <translation>Record what is known of the person. The entry is marked for identification, and the office-hours worker identifies the person.</translation>
    </message>
    <message>
        <source>Uusi asiakas</source>
        <translation>New client</translation>
    </message>
    <message>
        <source>Henkilö ({code}) ei ole tämän kunnan asiakas. Kirjaus lähtee näillä tiedoilla, ja asiakkuus avataan kunnan järjestelmään.</source>
        <translation>The person ({code}) is not a client of this municipality. The entry is sent with these details, and the client relationship is opened in the municipality&apos;s system.</translation>
    </message>
    <message>
        <source>Sukunimi</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Etunimet</source>
        <translation>First names</translation>
    </message>
    <message>
        <source>Syntymäaika, esim. {date}</source>
        <translation>Date of birth, e.g. {date}</translation>
    </message>
    <message>
        <source>Kansalaisuus</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Kieli</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Kuvaus henkilöstä</source>
        <translation>Description of the person</translation>
    </message>
    <message>
        <source>&amp;Sukunimi:</source>
        <translation>&amp;Surname:</translation>
    </message>
    <message>
        <source>&amp;Etunimet:</source>
        <translation>&amp;First names:</translation>
    </message>
    <message>
        <source>S&amp;yntymäaika:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <source>&amp;Kansalaisuus:</source>
        <translation>&amp;Nationality:</translation>
    </message>
    <message>
        <source>K&amp;ieli:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>K&amp;uvaus:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Osoite:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>&amp;Jatka kirjaukseen</source>
        <translation>&amp;Continue to the entry</translation>
    </message>
    <message>
        <source>&amp;Peruuta</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei näytetä</source>
        <translation>ADDRESS NON-DISCLOSURE – the address is not shown</translation>
    </message>
    <message>
        <source>ei tiedossa</source>
        <translation>not known</translation>
    </message>
    <message>
        <source>Kirjoita henkilön nimi (tai se, millä hänet tunnetaan).</source>
        <translation>Type the person&apos;s name (or what they are known by).</translation>
    </message>
    <message>
        <source>Syntymäaika ei kelpaa: kirjoita päivämäärä, esim. {date}.</source>
        <translation>The date of birth is not valid: type a date, e.g. {date}.</translation>
    </message>
    <message>
        <source>Kuvaus on liian pitkä: enintään {limit} merkkiä.</source>
        <translation>The description is too long: at most {limit} characters.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Lukituksen PIN-koodi</source>
        <translation>Lock PIN</translation>
    </message>
    <message>
        <source>Uusi PIN-koodi</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>PIN-koodi uudelleen</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>&amp;PIN-koodi:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Uudelleen:</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <source>Valitse PIN-koodi (vähintään 6 merkkiä), jolla avaat lukituksen silloin, kun kirjautumispalveluun ei saada yhteyttä. Koodista tallennetaan vain tiiviste. Voit ohittaa tämän (Esc).</source>
        <translation>Choose a PIN (at least 6 characters) to unlock with when the sign-in service cannot be reached. Only a hash of the PIN is stored. You can skip this (Esc).</translation>
    </message>
    <message>
        <source>Koodit eivät ole samat.</source>
        <translation>The PINs do not match.</translation>
    </message>
</context>
<context>
    <name>PolicyCommands</name>
    <message>
        <source>--key on valinnalla --policy annetulle käytännölle; asennettu käytäntö tarkistetaan asennettua avainta vasten ({key})</source>
        <translation>--key is for a policy given with --policy; the installed policy is checked against the installed key ({key})</translation>
    </message>
    <message>
        <source>; ei allekirjoitettu: ei avainta: {key}</source>
        <translation>; not signed: no key at {key}</translation>
    </message>
    <message>
        <source>; ei allekirjoitettu: ei avainta: {key}, eikä ryhmäkäytännössä ({source})</source>
        <translation>; not signed: no key at {key} nor in Group Policy ({source})</translation>
    </message>
    <message>
        <source>allekirjoitettu</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>allekirjoittamaton</source>
        <translation>unsigned</translation>
    </message>
    <message>
        <source>käytäntö kunnossa: {count} kuntaa, sarjanumero {serial}, {signed}, lähde {directory} ({names})</source>
        <translation>policy ok: {count} municipalities, serial {serial}, {signed}, from {directory} ({names})</translation>
    </message>
    <message>
        <source>{path} on jo olemassa: avainta ei koskaan korvata</source>
        <translation>{path} already exists: a key is never overwritten</translation>
    </message>
    <message>
        <source>avaimia ei voi kirjoittaa ({reason})</source>
        <translation>the keys cannot be written ({reason})</translation>
    </message>
    <message>
        <source>yksityinen avain: {private} (oikeudet 0600; pidä se vain helpdeskin allekirjoituskoneella)
julkinen avain:   {public} (asennusohjelma asentaa sen jokaiselle työasemalle nimellä policy-signing.pub hakemiston policy.d viereen)</source>
        <translation>private key: {private} (mode 0600; keep it on helpdesk&apos;s signing machine only)
public key:  {public} (the installer puts it on each workstation as policy-signing.pub beside policy.d)</translation>
    </message>
    <message>
        <source>allekirjoitusta ei voi kirjoittaa ({reason})</source>
        <translation>the signature cannot be written ({reason})</translation>
    </message>
    <message>
        <source>allekirjoitettu: {target} ({name}, sarjanumero {serial})</source>
        <translation>signed: {target} ({name}, serial {serial})</translation>
    </message>
    <message>
        <source>allekirjoitus kunnossa: {file} (sarjanumero {serial})</source>
        <translation>signature ok: {file} (serial {serial})</translation>
    </message>
</context>
<context>
    <name>PopulationPanel</name>
    <message>
        <source>turvakielto</source>
        <translation>address non-disclosure</translation>
    </message>
    <message>
        <source>yhteyttä väestötietojärjestelmään ei voitu varmistaa suojatuksi (varmenne); ota yhteys IT-tukeen</source>
        <translation>the connection to the Population Information System could not be verified as secure (certificate); contact IT support</translation>
    </message>
    <message>
        <source>väestötietojärjestelmään ei saada yhteyttä</source>
        <translation>no connection to the Population Information System</translation>
    </message>
    <message>
        <source>väestötietojärjestelmä ei vastannut ajoissa</source>
        <translation>the Population Information System did not answer in time</translation>
    </message>
    <message>
        <source>kirjaudu ensin (Ctrl+Shift+K), niin väestötiedot haetaan</source>
        <translation>sign in first (Ctrl+Shift+K) and the population data will be fetched</translation>
    </message>
    <message>
        <source>väestötietojärjestelmä ei hyväksynyt tunnuksia</source>
        <translation>the Population Information System did not accept the credentials</translation>
    </message>
    <message>
        <source>väestötietojärjestelmä hylkäsi kyselyn</source>
        <translation>the Population Information System refused the query</translation>
    </message>
    <message>
        <source>väestötietojärjestelmässä on vika</source>
        <translation>the Population Information System has a fault</translation>
    </message>
    <message>
        <source>Väestötietoja ei saatu: {why}. Asiakastiedot ovat silti käytössä.</source>
        <translation>No population data: {why}. The client details are still available.</translation>
    </message>
    <message>
        <source>Väestötiedot (Väestösuora)</source>
        <translation>Population data (Väestösuora)</translation>
    </message>
    <message>
        <source>Väestötiedot</source>
        <translation>Population data</translation>
    </message>
    <message>
        <source>Väestötietojen tila</source>
        <translation>Population data status</translation>
    </message>
    <message>
        <source>Kotikunta</source>
        <translation>Municipality of residence</translation>
    </message>
    <message>
        <source>Osoite</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Huoltajat</source>
        <translation>Guardians</translation>
    </message>
    <message>
        <source>Huollettavat</source>
        <translation>Dependants</translation>
    </message>
    <message>
        <source>Samassa osoitteessa</source>
        <translation>At the same address</translation>
    </message>
    <message>
        <source>TURVAKIELTO – osoitetta ei näytetä</source>
        <translation>ADDRESS NON-DISCLOSURE – the address is not shown</translation>
    </message>
    <message>
        <source>Kotikuntaehdotus</source>
        <translation>Suggested municipality of residence</translation>
    </message>
    <message>
        <source>Vaihda</source>
        <translation>Switch</translation>
    </message>
    <message>
        <source>Vaihda asiakkaan kotikuntaan</source>
        <translation>Switch to the client&apos;s municipality of residence</translation>
    </message>
    <message>
        <source>Väestötietojärjestelmä ei tunne tätä henkilötunnusta.</source>
        <translation>The Population Information System does not know this personal identity code.</translation>
    </message>
    <message>
        <source>Asiakkaan kotikunta on {name} – vaihda (Ctrl+K)</source>
        <translation>The client&apos;s municipality of residence is {name} – switch (Ctrl+K)</translation>
    </message>
    <message>
        <source>Väestötietojärjestelmän mukaan asiakkaan kotikunta on kunta {code}, joka ei kuulu tämän päivystyksen kuntiin.</source>
        <translation>According to the Population Information System the client&apos;s municipality of residence is municipality {code}, which is not one of this duty&apos;s municipalities.</translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <source>1 sivu</source>
        <translation>1 page</translation>
    </message>
    <message>
        <source>{n} sivua</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <source>Tulostetta ei voitu muodostaa: DejaVu Sans -fonttia ei löydy tältä työasemalta. Ota yhteys tukeen.</source>
        <translation>The printout could not be made: the DejaVu Sans font is not on this workstation. Contact support.</translation>
    </message>
    <message>
        <source>Tulostetta ei voitu muodostaa.</source>
        <translation>The printout could not be made.</translation>
    </message>
    <message>
        <source>Oletustulostinta {name} ei löydy tältä työasemalta: valitse tulostin.</source>
        <translation>The default printer {name} is not on this workstation: choose a printer.</translation>
    </message>
    <message>
        <source>oletustulostin</source>
        <translation>default printer</translation>
    </message>
    <message>
        <source>Lähetetään tulostimelle {name}…</source>
        <translation>Sending to the printer {name}…</translation>
    </message>
    <message>
        <source>Tulostus ei onnistu: tulostusjärjestelmän lp-komentoa ei löydy tältä työasemalta. Ota yhteys tukeen.</source>
        <translation>Printing is not possible: the printing system&apos;s lp command is not on this workstation. Contact support.</translation>
    </message>
    <message>
        <source>Tulostusjärjestelmä ei vastannut ajoissa.</source>
        <translation>The printing system did not answer in time.</translation>
    </message>
    <message>
        <source>Valitulla sivualueella ei ole sivuja.</source>
        <translation>The chosen page range has no pages.</translation>
    </message>
    <message>
        <source>Tulostus tiedostoon ei ole sallittu: valitse tulostin.</source>
        <translation>Printing to a file is not allowed: choose a printer.</translation>
    </message>
    <message>
        <source>Tulostinta {name} ei ole sallittu tällä työasemalla: valitse toinen tulostin.</source>
        <translation>The printer {name} is not allowed on this workstation: choose another printer.</translation>
    </message>
    <message>
        <source>Tulostin {name} ei ottanut tulostetta vastaan. Tarkista tulostin.</source>
        <translation>The printer {name} did not accept the printout. Check the printer.</translation>
    </message>
    <message>
        <source>Tallenna PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF-tiedosto (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>PDF-tiedostoa ei voitu tallentaa.</source>
        <translation>The PDF file could not be saved.</translation>
    </message>
    <message>
        <source>Tuloste tallennettu PDF-tiedostoksi: {path}</source>
        <translation>Printout saved as a PDF file: {path}</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Tulostuksen esikatselu</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Tulosta… (Ctrl+P)</source>
        <translation>Print… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Tallenna PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Sulje</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>1 sivu</source>
        <translation>1 page</translation>
    </message>
    <message>
        <source>{count} sivua</source>
        <translation>{count} pages</translation>
    </message>
    <message>
        <source>järjestelmän oletustulostin</source>
        <translation>the system&apos;s default printer</translation>
    </message>
    <message>
        <source>{pages} · tulostin: {printer}</source>
        <translation>{pages} · printer: {printer}</translation>
    </message>
    <message>
        <source>Valitse tulostin ja tulosta (esikatselussa)</source>
        <translation>Choose a printer and print (in the preview)</translation>
    </message>
    <message>
        <source>Tulosta kirjaus</source>
        <translation>Print the entry</translation>
    </message>
</context>
<context>
    <name>RecentMessagesDialog</name>
    <message>
        <source>Viimeisimmät viestit</source>
        <translation>Recent messages</translation>
    </message>
    <message>
        <source>Viestit uusimmasta alkaen. Kuittaamattomat virheet ja varoitukset näkyvät ikkunan yläreunassa, kunnes ne kuitataan. Esc sulkee.</source>
        <translation>Messages, newest first. Unacknowledged errors and warnings show at the top of the window until acknowledged. Esc closes.</translation>
    </message>
    <message>
        <source>&amp;Kuittaa kaikki</source>
        <translation>&amp;Acknowledge all</translation>
    </message>
    <message>
        <source>&amp;Sulje</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>(kuittaamatta)</source>
        <translation>(unacknowledged)</translation>
    </message>
    <message>
        <source>Ei viestejä.</source>
        <translation>No messages.</translation>
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
        <translation>keyring</translation>
    </message>
    <message>
        <source>lähtevät</source>
        <translation>outbox</translation>
    </message>
    <message>
        <source>asiakirja</source>
        <translation>document</translation>
    </message>
    <message>
        <source>ikkuna</source>
        <translation>window</translation>
    </message>
    <message>
        <source>{check}: EPÄONNISTUI: {reason}</source>
        <translation>{check}: FAILED: {reason}</translation>
    </message>
    <message>
        <source>itsetesti: EPÄONNISTUI ({checks})</source>
        <translation>self-test: FAILED ({checks})</translation>
    </message>
    <message>
        <source>itsetesti: kunnossa</source>
        <translation>self-test: ok</translation>
    </message>
    <message>
        <source>paketoitu</source>
        <translation>frozen</translation>
    </message>
    <message>
        <source>lähdekoodista</source>
        <translation>from source</translation>
    </message>
    <message>
        <source>kunnossa ({qt}: pääikkuna näytetty ja suljettu)</source>
        <translation>ok ({qt}: a main window shown and closed)</translation>
    </message>
    <message>
        <source>(koko tiedosto)</source>
        <translation>(whole file)</translation>
    </message>
    <message>
        <source>{source}: kenttä {field}: {problem}</source>
        <translation>{source}: field {field}: {problem}</translation>
    </message>
    <message>
        <source>ei asennettu hakemistoon {where} (uusi asennus; helpdesk asentaa sen)</source>
        <translation>none installed in {where} (a fresh install; helpdesk installs it)</translation>
    </message>
    <message>
        <source>mukana tuleva esimerkki</source>
        <translation>the shipped example</translation>
    </message>
    <message>
        <source>allekirjoitettu</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>allekirjoittamaton</source>
        <translation>unsigned</translation>
    </message>
    <message>
        <source>, harjoittelu</source>
        <translation>, training</translation>
    </message>
    <message>
        <source>kunnossa ({where}: {count} kuntaa, sarjanumero {serial}, {signed})</source>
        <translation>ok ({where}: {count} municipalities, serial {serial}, {signed})</translation>
    </message>
    <message>
        <source>{name} ladattu, EI käyttökelpoinen avainsäilö ({code}): sovellus ei voi säilyttää lähtevien avainta, joten se ei voi tallentaa mitään. Asenna tai avaa sellainen (Secret Service, esim. GNOME Keyring tai KWallet; Windowsin Credential Manager)</source>
        <translation>{name} loaded, NOT a usable credential store ({code}): the app cannot keep its outbox key, so it cannot save anything. Install or unlock one (Secret Service, e.g. GNOME Keyring or KWallet; Windows Credential Manager)</translation>
    </message>
    <message>
        <source>{name} (ei käyttökelpoinen avainsäilö: harjoittelu pitää avaimensa harjoitusprofiilin tiedostossa; tuotanto ei voisi avata lähteviään)</source>
        <translation>{name} (not a usable credential store: training keeps its key in a file of the training profile; production could not open its outbox)</translation>
    </message>
    <message>
        <source>{name} (käyttökelpoinen avainsäilö; jätetty koskematta: lähtevien testillä on oma avaimensa)</source>
        <translation>{name} (a usable credential store; left untouched: the outbox test has a key of its own)</translation>
    </message>
    <message>
        <source>lähtevien tiedosto kirjoitettiin salaamattomana: SQLCipher ei ole käytössä</source>
        <translation>the outbox file was written unencrypted: SQLCipher is not in use</translation>
    </message>
    <message>
        <source>tallennettua kirjausta ei luettu takaisin sellaisenaan</source>
        <translation>the entry saved was not read back as it was saved</translation>
    </message>
    <message>
        <source>takaisin luettu kirjaus ei ole sama kuin tallennettu</source>
        <translation>the entry read back does not decode to the entry saved</translation>
    </message>
    <message>
        <source>uudet lähtevät eivät läpäise eheystarkistusta: {problem}</source>
        <translation>the new outbox fails its integrity check: {problem}</translation>
    </message>
    <message>
        <source>kunnossa (SQLCipher, {cipher}, skeema {schema}: kirjaus tallennettu, tiedosto suljettu, avattu uudelleen ja kirjaus luettu takaisin)</source>
        <translation>ok (SQLCipher, {cipher}, schema {schema}: an entry saved, the file closed, opened again and the entry read back)</translation>
    </message>
    <message>
        <source>hakemiston {fonts} fontteja ei voi käyttää ({error})</source>
        <translation>the fonts in {fonts} cannot be used ({error})</translation>
    </message>
    <message>
        <source>käytännössä ei ole kuntaa, jolle kirjauksen voisi tulostaa</source>
        <translation>the policy has no municipality to print an entry for</translation>
    </message>
    <message>
        <source>tulostettu asiakirja ei ole PDF</source>
        <translation>the document rendered is not a PDF</translation>
    </message>
    <message>
        <source>tulostetussa PDF:ssä ei ole sivuja</source>
        <translation>the PDF rendered has no pages</translation>
    </message>
    <message>
        <source>PDF:stä puuttuvat kirjaimet {letters} (fontit: {fonts})</source>
        <translation>the PDF lacks the letters {letters} (fonts from {fonts})</translation>
    </message>
    <message>
        <source>kunnossa (PDF, {pages} sivu(a), {size} tavua, fontit: {fonts}, {letters} tulostettu)</source>
        <translation>ok (PDF, {pages} page(s), {size} bytes, fonts from {fonts}, {letters} printed)</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>L&amp;ukitse</source>
        <translation>Loc&amp;k</translation>
    </message>
    <message>
        <source>Lukitse Päivystys: asiakastiedot pois näytöltä (F12)</source>
        <translation>Lock Päivystys: client data off the screen (F12)</translation>
    </message>
    <message>
        <source>Lukituksen voi avata vain kirjautumalla uudelleen: lopeta ja käynnistä Päivystys uudelleen. Lähtevät ja luonnokset säilyvät salattuina.</source>
        <translation>The lock can be opened only by signing in again: quit and start Päivystys again. The outbox and the drafts are kept encrypted.</translation>
    </message>
    <message>
        <source>PIN-koodi ei enää käy: edellisestä kirjautumisesta on yli {hours} tuntia. Kirjaudu uudelleen.</source>
        <translation>The PIN no longer works: it is over {hours} hours since the last sign-in. Sign in again.</translation>
    </message>
    <message>
        <source>PIN-koodi on poistettu käytöstä liian monen väärän yrityksen jälkeen. Kirjaudu uudelleen.</source>
        <translation>The PIN has been disabled after too many wrong attempts. Sign in again.</translation>
    </message>
    <message>
        <source>Tarkistetaan PIN-koodia…</source>
        <translation>Checking the PIN…</translation>
    </message>
    <message>
        <source>Väärä PIN-koodi. Yrityksiä jäljellä: {count}.</source>
        <translation>Wrong PIN. Attempts left: {count}.</translation>
    </message>
    <message>
        <source>Kirjaudu selaimessa. Odotetaan kirjautumista…</source>
        <translation>Sign in in the browser. Waiting for the sign-in…</translation>
    </message>
    <message>
        <source>Kirjautuminen ei onnistunut. Yritä uudelleen.</source>
        <translation>Signing in failed. Try again.</translation>
    </message>
    <message>
        <source>Lukituksen avaaminen epäonnistui. Yritä uudelleen.</source>
        <translation>Unlocking failed. Try again.</translation>
    </message>
    <message>
        <source>Lukitus avattu. Luonnokset: Ctrl+Shift+L.</source>
        <translation>Unlocked. Drafts: Ctrl+Shift+L.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>hae asiakas (henkilötunnuskentässä)</source>
        <translation>find the client (in the personal identity code field)</translation>
    </message>
    <message>
        <source>kuittaa virheet ja varoitukset (viestiluettelossa)</source>
        <translation>acknowledge errors and warnings (in the message list)</translation>
    </message>
    <message>
        <source>sulje ikkuna tai kysymys</source>
        <translation>close the window or question</translation>
    </message>
    <message>
        <source>seuraava, edellinen kenttä</source>
        <translation>next, previous field</translation>
    </message>
    <message>
        <source>{what} ({keys})</source>
        <translation>{what} ({keys})</translation>
    </message>
    <message>
        <source>(ei kuvausta)</source>
        <translation>(no description)</translation>
    </message>
    <message>
        <source>Muualla</source>
        <translation>Elsewhere</translation>
    </message>
    <message>
        <source>Pikanäppäimet</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>SignInBanner</name>
    <message>
        <source>Kirjaudu ({keys})</source>
        <translation>Sign in ({keys})</translation>
    </message>
    <message>
        <source>Kirjaudu sisään</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>SignInController</name>
    <message>
        <source>Valitse ensin kunta (Ctrl+1…9).</source>
        <translation>First choose a municipality (Ctrl+1…9).</translation>
    </message>
    <message>
        <source>Tähän järjestelmään kirjautumista ei ole määritetty tämän koneen asetuksissa (policy: auth). Soita tukeen.</source>
        <translation>Signing in to this system is not set in this computer&apos;s settings (policy: auth). Call support.</translation>
    </message>
    <message>
        <source>Kirjaudu selaimessa. Ikkuna odottaa kirjautumista taustalla.</source>
        <translation>Sign in in the browser. The window waits for the sign-in in the background.</translation>
    </message>
    <message>
        <source>Harjoittelu: tunnus {user}, salasana {password}.</source>
        <translation>Training: user name {user}, password {password}.</translation>
    </message>
    <message>
        <source>PIN-koodi asetettu.</source>
        <translation>PIN set.</translation>
    </message>
    <message>
        <source>Kirjaudu uudelleen ({keys}): istunto päättyi. Odottavat kirjaukset säilyvät ja lähtevät, kun olet kirjautunut.</source>
        <translation>Sign in again ({keys}): the session ended. Waiting entries are kept and sent once you have signed in.</translation>
    </message>
    <message>
        <source>{name}: kirjautumista ei ole määritetty. Soita tukeen.</source>
        <translation>{name}: signing in is not set up. Call support.</translation>
    </message>
    <message>
        <source>{name}: kirjaudu selaimessa…</source>
        <translation>{name}: sign in in the browser…</translation>
    </message>
    <message>
        <source>{name}: kirjaudu uudelleen. Istunto päättyi; odottavat kirjaukset lähtevät kirjautumisen jälkeen.</source>
        <translation>{name}: sign in again. The session ended; waiting entries are sent after signing in.</translation>
    </message>
    <message>
        <source>{name}: et ole kirjautunut. Kirjaudu, niin voit hakea ja kirjata.</source>
        <translation>{name}: you are not signed in. Sign in to search and record.</translation>
    </message>
    <message>
        <source>PIN-koodia ei asetettu: se on liian lyhyt tai helposti arvattava (esim. 111111 tai 123456). Aseta uusi kirjautumalla uudelleen.</source>
        <translation>The PIN was not set: it is too short or easy to guess (e.g. 111111 or 123456). Set a new one by signing in again.</translation>
    </message>
    <message>
        <source>PIN-koodia ei voitu tallentaa. Lukituksen avaat kirjautumalla.</source>
        <translation>The PIN could not be saved. You unlock by signing in.</translation>
    </message>
    <message>
        <source>Kirjauduttu sisään. {name}</source>
        <translation>Signed in. {name}</translation>
    </message>
    <message>
        <source>Tunnistuspalveluun ei saada yhteyttä. Tarkista VPN ja yritä hetken päästä uudelleen; kirjaukset odottavat.</source>
        <translation>No connection to the sign-in service. Check the VPN and try again in a moment; the entries wait.</translation>
    </message>
    <message>
        <source>Organisaatio ei ole antanut sinulle oikeuksia tähän järjestelmään. Ota yhteys esihenkilöösi.</source>
        <translation>Your organisation has not given you access to this system. Contact your supervisor.</translation>
    </message>
    <message>
        <source>Kirjautuminen ei onnistunut. Yritä uudelleen.</source>
        <translation>Signing in failed. Try again.</translation>
    </message>
    <message>
        <source>Kirjautuminen keskeytyi tai vastaus ei kelvannut. Yritä uudelleen; jos se toistuu, soita tukeen.</source>
        <translation>Signing in was interrupted or the reply was not valid. Try again; if it recurs, call support.</translation>
    </message>
</context>
<context>
    <name>StatusWatch</name>
    <message>
        <source>Lähtevät: ei käytössä</source>
        <translation>Outbox: not in use</translation>
    </message>
    <message>
        <source>Lähtevät: avataan…</source>
        <translation>Outbox: opening…</translation>
    </message>
    <message>
        <source>Päivystys</source>
        <translation>Päivystys</translation>
    </message>
    <message>
        <source>HARJOITTELU</source>
        <translation>TRAINING</translation>
    </message>
    <message>
        <source>Lähtevät eivät ole käytössä: kirjauksia ei voi tallentaa.</source>
        <translation>The outbox is not in use: entries cannot be saved.</translation>
    </message>
    <message>
        <source>Odottaa lähtevissä: {place}</source>
        <translation>Waiting in the outbox: {place}</translation>
    </message>
    <message>
        <source>Odottaneet kirjaukset toimitettu: {places}.</source>
        <translation>Waiting entries delivered: {places}.</translation>
    </message>
    <message>
        <source>Lähtevissä vielä {count}.</source>
        <translation>Still in the outbox: {count}.</translation>
    </message>
    <message>
        <source>Päivystys: toimitettu</source>
        <translation>Päivystys: delivered</translation>
    </message>
    <message>
        <source>Vaatii toimia: {places}. Avaa lähtevät (Ctrl+L).</source>
        <translation>Needs action: {places}. Open the outbox (Ctrl+L).</translation>
    </message>
    <message>
        <source>Päivystys: vaatii toimia</source>
        <translation>Päivystys: needs action</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Näytä Päivystys</source>
        <translation>&amp;Show Päivystys</translation>
    </message>
    <message>
        <source>&amp;Lopeta</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>UnsavedQuestion</name>
    <message>
        <source>Tallentamaton teksti</source>
        <translation>Unsaved text</translation>
    </message>
    <message>
        <source>Kirjoitettu teksti on tallentamatta ({who}).</source>
        <translation>The text written has not been saved ({who}).</translation>
    </message>
    <message>
        <source>Tallenna lähettää sen asiakkaan järjestelmään.</source>
        <translation>Save sends it to the client&apos;s system.</translation>
    </message>
    <message>
        <source>Luonnos säilyy salattuna tällä koneella ja tarjotaan, kun asiakas haetaan uudelleen.</source>
        <translation>The draft is kept encrypted on this computer and offered when the client is searched for again.</translation>
    </message>
    <message>
        <source>Hylkää poistaa tekstin.</source>
        <translation>Discard deletes the text.</translation>
    </message>
    <message>
        <source>&amp;Tallenna</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Säilytä &amp;luonnoksena</source>
        <translation>Keep as &amp;draft</translation>
    </message>
    <message>
        <source>&amp;Hylkää</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>&amp;Peruuta</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>_ResendFrame</name>
    <message>
        <source>Lähetä uudelleen (Ctrl+Enter)</source>
        <translation>Send again (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Tallennetaan korjausta…</source>
        <translation>Saving the correction…</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Kuittaa viesti</source>
        <translation>Acknowledge the message</translation>
    </message>
    <message>
        <source>Kuittaa viesti (Esc)</source>
        <translation>Acknowledge the message (Esc)</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Päivystys ei käynnisty</source>
        <translation>Päivystys does not start</translation>
    </message>
    <message>
        <source>Päivystys ei voi käynnistyä, koska työaseman asetuksissa on virhe. Ota yhteys tukipalveluun (helpdesk) ja kerro heille alla olevat tiedot.</source>
        <translation>Päivystys cannot start because the workstation&apos;s settings contain an error. Contact support (helpdesk) and give them the details below.</translation>
    </message>
</context>
</TS>
