package org.cometmq.dashboard.http;

import com.alibaba.fastjson2.JSONObject;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Netty request into an {@link HttpCall}, lets the {@link SessionGuard} and the read-only switch decide,
 * then answers from the API router or the static files. Runs on a blocking executor: admin calls wait on the
 * cluster.
 */
@ChannelHandler.Sharable
public final class DashboardHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardHandler.class);
    private static final Set<String> OPEN_API = Set.of("/api/login", "/api/logout", "/api/session");

    private final Router api;
    private final StaticResources files;
    private final SessionGuard guard;
    private final boolean readOnly;

    public DashboardHandler(Router api, StaticResources files, SessionGuard guard, boolean readOnly) {
        this.api = api;
        this.files = files;
        this.guard = guard;
        this.readOnly = readOnly;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        HttpReply reply;
        try {
            reply = answer(toCall(request));
        } catch (RuntimeException e) {
            reply = failure(e);
        }
        write(ctx, request, reply);
    }

    /** The reply to one call; every failure becomes an error reply with the reason. */
    HttpReply answer(HttpCall call) {
        try {
            return route(call);
        } catch (Exception e) {
            return failure(e);
        }
    }

    private HttpReply route(HttpCall call) throws Exception {
        if (!call.path().startsWith("/api/")) {
            HttpReply file = "GET".equals(call.method()) ? files.find(call.path()) : null;
            return file != null ? file : HttpReply.error(404, "no such page: " + call.path());
        }
        if (OPEN_API.contains(call.path())) {
            return session(call);
        }
        if (!guard.admits(call.cookie(SessionGuard.COOKIE))) {
            return HttpReply.error(401, "log in first");
        }
        if (readOnly && !"GET".equals(call.method())) {
            return HttpReply.error(403, "the dashboard runs in read-only mode");
        }
        Router.Match match = api.match(call.method(), call.path());
        if (!match.found()) {
            return HttpReply.error(match.status(), match.status() == 405
                ? call.method() + " is not allowed on " + call.path() : "no such API: " + call.path());
        }
        call.bindPathParams(match.params());
        return match.handler().handle(call);
    }

    private HttpReply session(HttpCall call) {
        String token = call.cookie(SessionGuard.COOKIE);
        switch (call.path()) {
            case "/api/login" -> {
                JSONObject body = call.jsonBody();
                String newToken = guard.login(body.getString("user"), body.getString("password"));
                if (newToken == null) {
                    return HttpReply.error(401, guard.loginRequired() ? "wrong user or password" : "no login needed");
                }
                return HttpReply.ok().withHeader("Set-Cookie",
                    SessionGuard.COOKIE + "=" + newToken + "; Path=/; HttpOnly; SameSite=Strict");
            }
            case "/api/logout" -> {
                guard.logout(token);
                return HttpReply.ok().withHeader("Set-Cookie", SessionGuard.COOKIE + "=; Path=/; Max-Age=0");
            }
            default -> {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("loginRequired", guard.loginRequired());
                state.put("loggedIn", guard.admits(token));
                state.put("readOnly", readOnly);
                return HttpReply.json(state);
            }
        }
    }

    static HttpReply failure(Throwable e) {
        if (e instanceof BadRequestException || e instanceof IllegalArgumentException) {
            return HttpReply.error(400, e.getMessage());
        }
        if (e instanceof NotFoundException) {
            return HttpReply.error(404, e.getMessage());
        }
        LOG.warn("dashboard request failed", e);
        String message = e.getMessage();
        return HttpReply.error(500, message == null ? e.getClass().getSimpleName() : message);
    }

    private static HttpCall toCall(FullHttpRequest request) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        Map<String, String> cookies = new HashMap<>();
        String header = request.headers().get(HttpHeaderNames.COOKIE);
        if (header != null) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
                cookies.put(cookie.name(), cookie.value());
            }
        }
        return new HttpCall(request.method().name(), decoder.path(), decoder.parameters(), cookies,
            ByteBufUtil.getBytes(request.content()));
    }

    private static void write(ChannelHandlerContext ctx, FullHttpRequest request, HttpReply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        response.headers().set("X-Content-Type-Options", "nosniff");
        reply.headers().forEach((name, value) -> response.headers().add(name, value));
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, "keep-alive");
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("dashboard connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
