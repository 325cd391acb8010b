package ai.pace42.bot.commands;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.SharedLocation;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.conversation.ErrorReplies;
import ai.pace42.bot.conversation.SharedLocations;
import ai.pace42.bot.location.HomeLocationStore;
import ai.pace42.bot.location.PlaceLocator;
import ai.pace42.bot.location.PlaceSearch;
import ai.pace42.coach.weather.Place;
import ai.pace42.coach.weather.WeatherUnavailableException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where the runner runs, for weather answers: {@code /location Berlin} (a numbered choice when the name is
 * ambiguous, then {@code /location 2}), {@code /location yes} to accept a proposed run start, {@code /location off}.
 * An account without a time zone takes the place's, and the reply says so. A location shared through the platform
 * (Telegram, the browser) sets the home too, rounded to 0.1° before it is stored, as forecasts are asked for.
 */
public final class LocationCommand implements Command, SharedLocations {

    static final String SHARE_LABEL = "Share my location";

    private static final Logger LOG = Logger.getLogger(LocationCommand.class.getName());

    private final HomeLocationStore store;
    private final AccountService accounts;
    private volatile Optional<PlaceSearch> search = Optional.empty();
    private volatile Optional<PlaceLocator> locator = Optional.empty();

    public LocationCommand(HomeLocationStore store, AccountService accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /** Turns the command on; until then it says weather is off on this server. */
    public void useSearch(PlaceSearch placeSearch) {
        this.search = Optional.of(placeSearch);
    }

    /** Shared locations get their place's zone from this; without it they take the runner's own zone. */
    public void useLocator(PlaceLocator placeLocator) {
        this.locator = Optional.of(placeLocator);
    }

    @Override
    public String name() {
        return "location";
    }

    @Override
    public String usage() {
        return "/location town";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String summary() {
        return "Set where you run, for weather answers, e.g. /location Berlin";
    }

    @Override
    public Reply run(CommandContext context) {
        if (search.isEmpty()) {
            return Reply.text("Weather is switched off on this server, so there is no location to set.");
        }
        String id = context.account().id();
        String args = context.args();
        String word = args.toLowerCase(Locale.ROOT);
        if (args.isEmpty()) {
            return withSharing(context.inbound(), store.home(id).map(p -> "You run from **" + p.label() + "** ("
                    + p.zone().getId() + "). Change it with /location and a town, or /location off.")
                    .orElse("No location yet. Tell me a town, e.g. **/location Berlin**, and ask \"Will it rain tomorrow?\""));
        }
        if (word.equals("off") || word.equals("clear") || word.equals("delete")) {
            return Reply.text(store.clear(id) ? "Done: I forgot your location." : "You had no location set.");
        }
        if (word.equals("yes") || word.matches("\\d{1,2}")) {
            return pick(context, word.equals("yes") ? 1 : Integer.parseInt(word), word.equals("yes"));
        }
        List<Place> found;
        try {
            found = search.get().search(args);
        } catch (WeatherUnavailableException e) {
            LOG.warning("place search unavailable: " + e.getMessage());
            return ErrorReplies.of(ErrorCode.WEATHER_UNAVAILABLE, "I couldn't look that place up right now; please try again in a few minutes.",
                    context.inbound().requestId());
        }
        if (found.isEmpty()) {
            return Reply.text("I couldn't find a place called \"" + args + "\". Which town is it near? Try a bigger town "
                    + "nearby, or add the region or country, e.g. /location Springfield, Illinois.");
        }
        if (found.size() == 1) {
            return set(context, found.get(0));
        }
        store.offer(id, found);
        StringBuilder sb = new StringBuilder("I found several places called \"" + args + "\". Which one do you mean?\n");
        for (int i = 0; i < found.size(); i++) {
            sb.append("- **/location ").append(i + 1).append("**: ").append(found.get(i).label()).append('\n');
        }
        return Reply.text(sb.toString().stripTrailing());
    }

    /** Where the platform can share a location, the reply offers its control; elsewhere it says there is none. */
    private static Reply withSharing(Inbound inbound, String text) {
        Platform platform = inbound.from().platform();
        if (platform == Platform.TELEGRAM && inbound.direct()) {
            return Reply.of(new Reply.Part.Text(text + "\nOr tap **" + SHARE_LABEL + "** below to use where you are now."),
                    new Reply.Part.LocationRequest(SHARE_LABEL));
        }
        if (platform == Platform.WEB) {
            return Reply.of(new Reply.Part.Text(text + "\nOr press **Use my location** below (your browser asks first)."),
                    new Reply.Part.LocationRequest("Use my location"));
        }
        if (platform == Platform.DISCORD || platform == Platform.SLACK) {
            return Reply.text(text + "\n" + platform.displayName() + " cannot share a location with bots, so name a town.");
        }
        return Reply.text(text);
    }

    @Override
    public Reply shared(Inbound inbound, Account account, SharedLocation location) {
        if (search.isEmpty()) {
            return SharedLocations.UNSUPPORTED.shared(inbound, account, location);
        }
        if (!inbound.direct()) {
            return Reply.text("Please share your location with me in a private chat, not in a group.");
        }
        double lat = Math.round(location.latitude() * 10) / 10.0;
        double lon = Math.round(location.longitude() * 10) / 10.0;
        ZoneId zone;
        try {
            zone = locator.map(l -> l.zoneAt(lat, lon)).orElse(account.effectiveZone());
        } catch (WeatherUnavailableException e) {
            LOG.warning("time zone lookup unavailable: " + e.getMessage());
            return ErrorReplies.of(ErrorCode.WEATHER_UNAVAILABLE, "I couldn't look that place up right now; please "
                    + "try again in a few minutes.", inbound.requestId());
        }
        String name = location.placeName().isEmpty() ? roundedCoordinates(lat, lon) : location.placeName();
        Place place = new Place(name, "", "", lat, lon, zone);
        store.set(account.id(), place);
        String zoneNote = adoptZone(account, place);
        return Reply.text("Home set to **" + name + "**; weather answers now use it."
                + (location.live() ? " I read your live location once and don't follow it." : "") + zoneNote);
    }

    /** "52.5° N, 13.4° E": what a shared location without a name is called. */
    static String roundedCoordinates(double lat, double lon) {
        return String.format(Locale.ROOT, "%.1f° %s, %.1f° %s", Math.abs(lat), lat >= 0 ? "N" : "S", Math.abs(lon),
                lon >= 0 ? "E" : "W");
    }

    private String adoptZone(Account account, Place place) {
        if (account.timeZone().isPresent()) {
            return "";
        }
        accounts.setTimeZone(account.id(), place.zone());
        return " I also set your time zone to " + place.zone().getId() + " (change it with /timezone).";
    }

    private Reply pick(CommandContext context, int n, boolean yes) {
        List<Place> choices = store.choices(context.account().id());
        if (choices.isEmpty() || n < 1 || n > choices.size() || yes && choices.size() != 1) {
            return Reply.text(choices.isEmpty() ? "There is nothing to choose from right now. Tell me a town, e.g. /location Berlin."
                    : "Please pick a number from 1 to " + choices.size() + ", e.g. /location 1.");
        }
        return set(context, choices.get(n - 1));
    }

    private Reply set(CommandContext context, Place place) {
        store.set(context.account().id(), place);
        String zoneNote = adoptZone(context.account(), place);
        String where = place.name().isEmpty() ? "your last run's start" : "**" + place.label() + "**";
        return Reply.text("Done: forecasts are for " + where + " now." + zoneNote
                + " Ask e.g. \"When is the best time to run tomorrow?\"");
    }
}
